package io.wabridge.processor.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wabridge.processor.handover.HandoverTurn;
import io.wabridge.processor.handover.Handovers;
import io.wabridge.processor.input.CognigyInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A flow output with the start marker {@code data.handover = {action: "start", provider?, ...}}
 * starts a handover after the turn's outputs ({@code docs/handover.md}); the other fields of the
 * marker are the provider's. The output itself is shown as usual. A provider that cannot be
 * reached ends the handover at once with {@code error}: the flow is then called again with the
 * end input, and a marker in that call's outputs starts nothing.
 */
final class HandoverMarkerStage implements TurnStage {

    private static final Logger log = LoggerFactory.getLogger(HandoverMarkerStage.class);

    private final Handovers handovers;
    private final CognigyStage cognigy;

    HandoverMarkerStage(Handovers handovers, CognigyStage cognigy) {
        this.handovers = handovers;
        this.cognigy = cognigy;
    }

    @Override
    public String name() {
        return "handover-marker";
    }

    @Override
    public Optional<Turn> apply(TurnContext turn) {
        if (turn.handoverEndInput) {
            return Optional.empty();
        }
        Optional<JsonNode> marker = turn.outputs.stream().map(HandoverMarkerStage::startMarker).flatMap(Optional::stream).findFirst();
        if (marker.isEmpty()) {
            return Optional.empty();
        }
        HandoverTurn handover = turn.handover != null ? turn.handover
                : handovers.turn(turn.handoverContext(), turn.endpoint.settings().handover(), turn.currentHandover());
        JsonNode provider = marker.get().get("provider");
        if (!handover.start(provider != null && provider.isTextual() ? provider.asText() : null, "bot", providerData(marker.get()))) {
            log.info("A flow output of endpoint {} asked for a handover while one is open; ignored", turn.endpoint.id());
            return Optional.empty();
        }
        turn.handover = handover;
        List<JsonNode> outputs = new ArrayList<>(turn.outputs);
        outputs.addAll(TurnContext.textOutputs(handover.texts()));
        turn.outputs = outputs;
        if (handover.endedNow().isEmpty()) {
            return Optional.empty();
        }
        turn.input = new CognigyInput(null, handover.endInput());
        turn.handoverEndInput = true;
        return cognigy.apply(turn);
    }

    /** {@code data.handover} of an output when its {@code action} is {@code start}. */
    static Optional<JsonNode> startMarker(JsonNode output) {
        JsonNode marker = output.path("data").path("handover");
        return marker.isObject() && "start".equals(marker.path("action").asText("").toLowerCase(Locale.ROOT))
                ? Optional.of(marker) : Optional.empty();
    }

    /** The marker's provider-specific fields: all but {@code action} and {@code provider}; null when none. */
    static JsonNode providerData(JsonNode marker) {
        ObjectNode fields = ((ObjectNode) marker).deepCopy();
        fields.remove(List.of("action", "provider"));
        return fields.isEmpty() ? null : fields;
    }
}
