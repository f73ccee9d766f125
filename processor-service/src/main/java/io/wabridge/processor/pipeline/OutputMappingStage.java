package io.wabridge.processor.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.wabridge.processor.output.Adjustments;
import io.wabridge.processor.output.OutputMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Each output as the WhatsApp messages that show it ({@link OutputMapper}); every adjustment counted. */
final class OutputMappingStage implements TurnStage {

    private static final Logger log = LoggerFactory.getLogger(OutputMappingStage.class);

    private final OutputMapper outputMapper;
    private final MeterRegistry meters;

    OutputMappingStage(OutputMapper outputMapper, MeterRegistry meters) {
        this.outputMapper = outputMapper;
        this.meters = meters;
    }

    @Override
    public String name() {
        return "output-mapping";
    }

    @Override
    public Optional<Turn> apply(TurnContext turn) {
        List<List<ObjectNode>> messages = new ArrayList<>();
        for (JsonNode output : turn.outputs) {
            messages.add(convert(output, turn.listButtonLabel == null && turn.defaultBodyText == null ? outputMapper
                    : outputMapper.withWording(turn.listButtonLabel, turn.defaultBodyText)));
        }
        turn.messages = messages;
        return Optional.empty();
    }

    /** One output's messages; also what a transformer's replacement message goes through. */
    List<ObjectNode> convert(JsonNode output) {
        return convert(output, outputMapper);
    }

    /** The settings' wording (for translation to translate). */
    OutputMapper mapper() {
        return outputMapper;
    }

    private List<ObjectNode> convert(JsonNode output, OutputMapper mapper) {
        Adjustments adjustments = new Adjustments();
        List<ObjectNode> messages = mapper.map(output, adjustments);
        for (String reason : adjustments.reasons()) {
            meters.counter("wabridge.processor.output.adjusted", "reason", reason).increment();
        }
        if (!adjustments.reasons().isEmpty()) {
            log.warn("Adjusted a Cognigy output to fit WhatsApp: {}", adjustments.reasons());
        }
        return messages;
    }
}
