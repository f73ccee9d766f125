package io.wabridge.processor.transform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.wabridge.model.Json;
import io.wabridge.model.privacy.Masking;
import io.wabridge.model.settings.TransformerSettings;
import io.wabridge.model.settings.TransformerSettings.Hook;
import io.wabridge.support.endpoint.Endpoint;
import io.wabridge.support.privacy.LogMasking;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An endpoint's transformer with Cognigy's contracts around it: the arguments each hook gets,
 * the validation of what it returns ({@code userId} and {@code sessionId} strings of at most 256
 * characters, {@code text} at most 10 000, {@code data} an object), {@code undefined} fields
 * keeping the endpoint's values, a falsy return stopping the message, and errors handled per
 * {@code abort-on-error}. Every call is timed ({@code wabridge.processor.transformer.calls}).
 */
public final class EndpointTransformer {

    private static final Logger log = LoggerFactory.getLogger(EndpointTransformer.class);
    static final int MAX_ID = 256;
    static final int MAX_TEXT = 10_000;
    /** The session storage lives in the conversation state, which every instance holds in memory. */
    public static final int MAX_STORAGE_BYTES = 16 * 1024;

    private final Endpoint endpoint;
    private final TransformerSettings settings;
    private final HookRunner runner;
    private final MeterRegistry meters;

    EndpointTransformer(Endpoint endpoint, HookRunner runner, MeterRegistry meters) {
        this.endpoint = endpoint;
        this.settings = endpoint.settings().transformers();
        this.runner = runner;
        this.meters = meters;
    }

    /** Whether this hook is both enabled and defined. */
    public boolean runs(Hook hook) {
        return settings.runs(hook) && runner.defines(hook);
    }

    /**
     * {@code handleInput} / {@code handleInject} / {@code handleNotify}: {@code {endpoint, request,
     * response}} plus wabridge's own mapping as {@code input}.
     *
     * @param requestBody what wabridge received: the WhatsApp message item, or the inject/notify body
     * @param mapped      the values wabridge would use without the hook
     */
    public InputOutcome input(Hook hook, JsonNode requestBody, InputValues mapped, JsonNode storage) {
        ObjectNode argument = Json.mapper().createObjectNode();
        argument.set("endpoint", endpointNode());
        ObjectNode request = argument.putObject("request");
        request.set("body", requestBody == null ? JsonNodeFactory.instance.nullNode() : requestBody);
        request.putObject("headers");
        argument.putObject("response");
        argument.set("input", Json.mapper().valueToTree(mapped));
        Timer.Sample sample = Timer.start(meters);
        String outcome = "error";
        try {
            HookResult result = runner.run(hook, argument, storage, scope(hook));
            JsonNode stored = checkStorage(result.storage());
            if (result.kind() == HookResult.Kind.UNDEFINED || result.kind() == HookResult.Kind.FALSY) {
                outcome = "dropped";
                return new InputOutcome("falsy", mapped, stored);
            }
            InputValues values = merge(hook, mapped, result.value());
            outcome = "ok";
            return new InputOutcome(null, values, stored);
        } catch (TransformerException e) {
            logError(hook, e);
            return new InputOutcome(settings.abortOnError() ? e.reason() : null, mapped, null);
        } finally {
            sample.stop(meters.timer("wabridge.processor.transformer.calls", "endpoint", endpoint.id(), "hook", hook.function(),
                    "outcome", outcome));
        }
    }

    /**
     * {@code handleOutput({endpoint, output, processedOutput, userId, sessionId})}: {@code processedOutput}
     * is the WhatsApp message the output became, an array when it became several, null when none.
     */
    public OutputOutcome output(JsonNode output, JsonNode processedOutput, String userId, String sessionId, JsonNode storage) {
        ObjectNode argument = Json.mapper().createObjectNode();
        argument.set("endpoint", endpointNode());
        argument.set("output", output);
        argument.set("processedOutput", processedOutput == null ? JsonNodeFactory.instance.nullNode() : processedOutput);
        argument.put("userId", userId);
        argument.put("sessionId", sessionId);
        Timer.Sample sample = Timer.start(meters);
        String outcome = "error";
        try {
            HookResult result = runner.run(Hook.OUTPUT, argument, storage, scope(Hook.OUTPUT));
            JsonNode stored = checkStorage(result.storage());
            if (result.kind() == HookResult.Kind.UNDEFINED || result.kind() == HookResult.Kind.FALSY) {
                outcome = "dropped";
                return new OutputOutcome("falsy", null, stored);
            }
            JsonNode value = result.value();
            if (!value.isObject() && !value.isArray()) {
                throw new TransformerException("invalid-result", "handleOutput must return a WhatsApp message object (or an array of them)");
            }
            outcome = "ok";
            return new OutputOutcome(null, value, stored);
        } catch (TransformerException e) {
            logError(Hook.OUTPUT, e);
            return new OutputOutcome(settings.abortOnError() ? e.reason() : null, null, null);
        } finally {
            sample.stop(meters.timer("wabridge.processor.transformer.calls", "endpoint", endpoint.id(), "hook", "handleOutput",
                    "outcome", outcome));
        }
    }

    /** A replacement output that WhatsApp's limits left nothing of: an error like any other. */
    public void rejected(String reason) {
        logError(Hook.OUTPUT, new TransformerException("invalid-result", reason));
    }

    public boolean abortOnError() {
        return settings.abortOnError();
    }

    /** Cognigy's validation; {@code undefined} (absent) fields keep wabridge's value. */
    static InputValues merge(Hook hook, InputValues mapped, JsonNode value) {
        if (!value.isObject()) {
            throw new TransformerException("invalid-result", hook.function() + " must return an object or a falsy value");
        }
        String userId = id(hook, value, "userId", mapped.userId());
        String sessionId = id(hook, value, "sessionId", mapped.sessionId());
        String text = mapped.text();
        if (value.has("text")) {
            JsonNode node = value.get("text");
            if (!node.isNull() && !node.isTextual()) {
                throw new TransformerException("invalid-result", hook.function() + ": text must be a string");
            }
            text = node.isNull() ? null : node.asText();
            if (text != null && text.length() > MAX_TEXT) {
                throw new TransformerException("invalid-result", hook.function() + ": text longer than " + MAX_TEXT + " characters");
            }
        }
        ObjectNode data = mapped.data();
        if (value.has("data")) {
            if (!(value.get("data") instanceof ObjectNode object)) {
                throw new TransformerException("invalid-result", hook.function() + ": data must be an object");
            }
            data = object;
        }
        return new InputValues(userId, sessionId, text, data);
    }

    private static String id(Hook hook, JsonNode value, String field, String mapped) {
        if (!value.has(field)) {
            return mapped;
        }
        JsonNode node = value.get(field);
        if (!node.isTextual() || node.asText().isEmpty()) {
            throw new TransformerException("invalid-result", hook.function() + ": " + field + " must be a non-empty string");
        }
        if (node.asText().length() > MAX_ID) {
            throw new TransformerException("invalid-result", hook.function() + ": " + field + " longer than " + MAX_ID + " characters");
        }
        return node.asText();
    }

    private static JsonNode checkStorage(JsonNode storage) {
        if (storage == null) {
            return null;
        }
        int size = Json.toBytes(storage).length;
        if (size > MAX_STORAGE_BYTES) {
            throw new TransformerException("storage-too-large", "session storage of " + size + " bytes exceeds " + MAX_STORAGE_BYTES);
        }
        return storage;
    }

    private ObjectNode endpointNode() {
        return Json.mapper().createObjectNode().put("id", endpoint.id()).put("phoneNumberId", endpoint.phoneNumberId())
                .put("channel", "whatsapp");
    }

    private CallScope scope(Hook hook) {
        return new CallScope(endpoint.id(), hook.function(), LogMasking.of(endpoint), Instant.now().plus(settings.timeout()));
    }

    private void logError(Hook hook, TransformerException e) {
        meters.counter("wabridge.processor.transformer.errors", "endpoint", endpoint.id(), "hook", hook.function(),
                "reason", e.reason()).increment();
        Masking masking = LogMasking.of(endpoint);
        log.error("Transformer {} of endpoint {} failed ({}), {}: {}", hook.function(), endpoint.id(), e.reason(),
                settings.abortOnError() ? "message stopped (abort-on-error)" : "going on untransformed",
                LogMasking.message(masking, e));
    }
}
