package io.wabridge.processor.transform;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wabridge.model.Json;
import io.wabridge.model.settings.TransformerSettings.Hook;
import io.wabridge.transformer.Endpoint;
import io.wabridge.transformer.InjectTransformer;
import io.wabridge.transformer.Input;
import io.wabridge.transformer.InputRequest;
import io.wabridge.transformer.InputTransformer;
import io.wabridge.transformer.NotifyTransformer;
import io.wabridge.transformer.OutputRequest;
import io.wabridge.transformer.OutputTransformer;
import io.wabridge.transformer.Transformer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A {@code transformer-api} implementation behind the same contracts as a script: its arguments
 * are the script's, as records and maps; its {@code null} is a falsy return, a {@code null} field
 * an {@code undefined} one. Trusted code: no sandbox and no time limit, a throw is an error
 * handled per {@code abort-on-error}.
 */
final class JavaRunner implements HookRunner {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final Transformer transformer;

    JavaRunner(Transformer transformer) {
        this.transformer = transformer;
    }

    @Override
    public boolean defines(Hook hook) {
        return switch (hook) {
            case INPUT -> transformer instanceof InputTransformer;
            case OUTPUT -> transformer instanceof OutputTransformer;
            case INJECT -> transformer instanceof InjectTransformer;
            case NOTIFY -> transformer instanceof NotifyTransformer;
        };
    }

    @Override
    public HookResult run(Hook hook, ObjectNode argument, JsonNode storage, CallScope scope) {
        Endpoint endpoint = new Endpoint(argument.path("endpoint").path("id").asText(), argument.path("endpoint").path("phoneNumberId").asText());
        try {
            if (hook == Hook.OUTPUT) {
                String userId = argument.path("userId").asText(null);
                String sessionId = argument.path("sessionId").asText(null);
                Storage session = new Storage(storage, userId, sessionId);
                OutputRequest request = new OutputRequest(endpoint, map(argument.get("output")),
                        Json.mapper().convertValue(argument.get("processedOutput"), Object.class), userId, sessionId, session.value);
                Object result = ((OutputTransformer) transformer).handleOutput(request);
                return result == null ? new HookResult(HookResult.Kind.FALSY, null, session.after())
                        : new HookResult(HookResult.Kind.VALUE, Json.mapper().valueToTree(result), session.after());
            }
            JsonNode mapped = argument.path("input");
            Input input = new Input(mapped.path("userId").asText(null), mapped.path("sessionId").asText(null),
                    mapped.path("text").asText(null), map(mapped.get("data")));
            Storage session = new Storage(storage, input.userId(), input.sessionId());
            InputRequest request = new InputRequest(endpoint, map(argument.path("request").get("body")), input, session.value);
            Input result = switch (hook) {
                case INPUT -> ((InputTransformer) transformer).handleInput(request);
                case INJECT -> ((InjectTransformer) transformer).handleInject(request);
                default -> ((NotifyTransformer) transformer).handleNotify(request);
            };
            if (result == null) {
                return new HookResult(HookResult.Kind.FALSY, null, session.after());
            }
            ObjectNode value = Json.mapper().createObjectNode();
            putIfSet(value, "userId", result.userId());
            putIfSet(value, "sessionId", result.sessionId());
            putIfSet(value, "text", result.text());
            putIfSet(value, "data", result.data());
            return new HookResult(HookResult.Kind.VALUE, value, session.after());
        } catch (RuntimeException e) {
            throw new TransformerException("script-error", hook.function() + " of " + transformer.getClass().getName() + ": " + e, e);
        }
    }

    private static void putIfSet(ObjectNode node, String field, Object value) {
        if (value != null) {
            node.set(field, Json.mapper().valueToTree(value));
        }
    }

    private static Map<String, Object> map(JsonNode node) {
        return node == null || !node.isObject() ? null : Json.mapper().convertValue(node, MAP);
    }

    @Override
    public void close() {
        // Nothing held.
    }

    @Override
    public String toString() {
        return "Java transformer " + transformer.getClass().getName();
    }

    /** {@code getSessionStorage} for the call's user and session, as a mutable map; saved when it changed. */
    private static final class Storage {
        final Map<String, Object> value;
        private final JsonNode before;
        private final String userId;
        private final String sessionId;

        Storage(JsonNode stored, String userId, String sessionId) {
            this.userId = userId;
            this.sessionId = sessionId;
            boolean same = stored != null && Objects.equals(stored.path("userId").asText(null), userId)
                    && Objects.equals(stored.path("sessionId").asText(null), sessionId);
            Map<String, Object> current = same ? map(stored.get("value")) : null;
            this.value = current == null ? new LinkedHashMap<>() : new LinkedHashMap<>(current);
            this.before = Json.mapper().valueToTree(this.value);
        }

        /** The storage to save, or null when the hook left it as it was. */
        JsonNode after() {
            JsonNode now = Json.mapper().valueToTree(value);
            if (now.equals(before)) {
                return null;
            }
            ObjectNode stored = Json.mapper().createObjectNode().put("userId", userId).put("sessionId", sessionId);
            stored.set("value", now);
            return stored;
        }
    }
}
