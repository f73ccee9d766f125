package io.wabridge.processor.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.wabridge.model.Json;
import io.wabridge.model.event.InboundEvent;
import io.wabridge.model.event.TranscriptDirection;
import io.wabridge.model.settings.TransformerSettings.Hook;
import io.wabridge.processor.input.CognigyInput;
import io.wabridge.processor.transform.EndpointTransformer;
import io.wabridge.processor.transform.InputOutcome;
import io.wabridge.processor.transform.InputValues;
import io.wabridge.processor.transform.Transformers;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The endpoint's {@code handleInput} (user message), {@code handleInject} (inject) or
 * {@code handleNotify} (notify) between mapping and the flow (or the user). A stopped input is
 * acknowledged and remembered as handled, counted in {@code wabridge.processor.transformer.dropped}
 * and, for a user message or inject, written to the transcript when that is on: never silently lost.
 */
final class InputTransformStage implements TurnStage {

    private final Transformers transformers;
    private final OutboundRecords records;
    private final TurnEnds ends;
    private final MeterRegistry meters;
    private final int dedupeWindow;

    InputTransformStage(Transformers transformers, OutboundRecords records, TurnEnds ends, MeterRegistry meters, int dedupeWindow) {
        this.transformers = transformers;
        this.records = records;
        this.ends = ends;
        this.meters = meters;
        this.dedupeWindow = dedupeWindow;
    }

    @Override
    public String name() {
        return "input-transformer";
    }

    @Override
    public Optional<Turn> apply(TurnContext turn) {
        InboundEvent event = turn.event();
        Hook hook = switch (event.kind()) {
            case MESSAGE -> Hook.INPUT;
            case INJECT -> Hook.INJECT;
            case NOTIFY -> Hook.NOTIFY;
            default -> null;
        };
        Optional<EndpointTransformer> transformer = transformers.of(turn.endpoint.id()).filter(t -> hook != null && t.runs(hook));
        if (transformer.isEmpty()) {
            return Optional.empty();
        }
        boolean notify = hook == Hook.NOTIFY;
        InputValues mapped = notify ? notifyValues(turn) : new InputValues(turn.userId, turn.session, turn.input.text(), turn.input.data());
        InputOutcome outcome = transformer.get().input(hook, requestBody(event, hook), mapped, turn.currentSessionStorage());
        if (outcome.storage() != null) {
            turn.sessionStorage = outcome.storage();
        }
        if (outcome.stopped()) {
            return Optional.of(stop(turn, hook, outcome.stopReason(), notify));
        }
        InputValues values = outcome.values();
        turn.userId = values.userId();
        turn.session = values.sessionId();
        if (notify) {
            ObjectNode output = Json.mapper().createObjectNode();
            output.put("text", values.text());
            if (values.data() != null) {
                output.set("data", values.data());
            }
            turn.outputs = List.of(output);
        } else {
            turn.input = new CognigyInput(values.text(), values.data());
        }
        return Optional.empty();
    }

    private static InputValues notifyValues(TurnContext turn) {
        JsonNode output = turn.outputs.get(0);
        JsonNode data = output.get("data");
        return new InputValues(turn.userId, turn.session, output.path("text").isTextual() ? output.path("text").asText() : null,
                data instanceof ObjectNode object ? object : Json.mapper().createObjectNode());
    }

    /** {@code request.body}: the WhatsApp message item, or the inject / notify body as the API received it. */
    private static JsonNode requestBody(InboundEvent event, Hook hook) {
        if (hook == Hook.INPUT) {
            return event.message();
        }
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("userId", event.userId());
        body.put("sessionId", event.sessionId());
        body.put("text", event.text());
        body.set("data", event.data());
        return body;
    }

    private Turn stop(TurnContext turn, Hook hook, String reason, boolean notify) {
        meters.counter("wabridge.processor.transformer.dropped", "endpoint", turn.endpoint.id(), "hook", hook.function(),
                "reason", reason).increment();
        List<ProducerRecord<String, byte[]>> out = new ArrayList<>();
        if (notify) {
            return ends.outcome(turn.work, turn.withStorage(turn.state.remember(turn.messageId, turn.offset(), dedupeWindow)), out,
                    "dropped");
        }
        ObjectNode data = turn.input.data() == null ? Json.mapper().createObjectNode() : turn.input.data().deepCopy();
        data.putObject("_transformer").put("dropped", true).put("hook", hook.function()).put("reason", reason);
        records.transcript(turn.work, turn.endpoint, turn.session, TranscriptDirection.USER, null, turn.input.text(), data)
                .ifPresent(out::add);
        return ends.outcome(turn.work, turn.withStorage(turn.state.afterTurn(turn.session, turn.at, turn.messageId, turn.offset(),
                dedupeWindow)), out, "dropped");
    }
}
