package io.wabridge.processor.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.wabridge.model.Json;
import io.wabridge.model.settings.TransformerSettings.Hook;
import io.wabridge.processor.transform.EndpointTransformer;
import io.wabridge.processor.transform.OutputOutcome;
import io.wabridge.processor.transform.Transformers;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The endpoint's {@code handleOutput}, once per Cognigy output, after output mapping: a returned
 * WhatsApp message replaces what the output became (and is checked against WhatsApp's limits like
 * a flow's native message); a falsy return drops that output only, the others keep their order.
 */
final class OutputTransformStage implements TurnStage {

    private final Transformers transformers;
    private final OutputMappingStage outputMapping;
    private final MeterRegistry meters;

    OutputTransformStage(Transformers transformers, OutputMappingStage outputMapping, MeterRegistry meters) {
        this.transformers = transformers;
        this.outputMapping = outputMapping;
        this.meters = meters;
    }

    @Override
    public String name() {
        return "output-transformer";
    }

    @Override
    public Optional<Turn> apply(TurnContext turn) {
        Optional<EndpointTransformer> found = transformers.of(turn.endpoint.id()).filter(t -> t.runs(Hook.OUTPUT));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        EndpointTransformer transformer = found.get();
        List<List<ObjectNode>> transformed = new ArrayList<>();
        for (int i = 0; i < turn.outputs.size(); i++) {
            List<ObjectNode> processed = turn.messages.get(i);
            OutputOutcome outcome = transformer.output(turn.outputs.get(i), processedOutput(processed), turn.userId, turn.session,
                    turn.currentSessionStorage());
            if (outcome.storage() != null) {
                turn.sessionStorage = outcome.storage();
            }
            transformed.add(messages(turn, transformer, processed, outcome));
        }
        turn.messages = transformed;
        return Optional.empty();
    }

    private List<ObjectNode> messages(TurnContext turn, EndpointTransformer transformer, List<ObjectNode> processed,
                                      OutputOutcome outcome) {
        if (outcome.dropped()) {
            meters.counter("wabridge.processor.transformer.dropped", "endpoint", turn.endpoint.id(), "hook", "handleOutput",
                    "reason", outcome.dropReason()).increment();
            return List.of();
        }
        if (outcome.replacement() == null) {
            return processed;
        }
        // Sent like a flow's native WhatsApp JSON: a message needs a type and its body; long text is split.
        ObjectNode asNative = Json.mapper().createObjectNode();
        asNative.putObject("data").set("_whatsapp", outcome.replacement());
        List<ObjectNode> messages = outputMapping.convert(asNative);
        if (!messages.isEmpty()) {
            return messages;
        }
        transformer.rejected("handleOutput returned no valid WhatsApp message");
        if (transformer.abortOnError()) {
            meters.counter("wabridge.processor.transformer.dropped", "endpoint", turn.endpoint.id(), "hook", "handleOutput",
                    "reason", "invalid-result").increment();
            return List.of();
        }
        return processed;
    }

    private static JsonNode processedOutput(List<ObjectNode> messages) {
        if (messages.isEmpty()) {
            return null;
        }
        if (messages.size() == 1) {
            return messages.get(0).deepCopy();
        }
        ArrayNode array = Json.mapper().createArrayNode();
        messages.forEach(message -> array.add(message.deepCopy()));
        return array;
    }
}
