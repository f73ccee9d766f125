package io.wabridge.processor.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wabridge.model.Json;
import io.wabridge.model.event.HandoverEndReason;
import io.wabridge.model.event.InboundKind;
import io.wabridge.model.settings.HandoverSettings;
import io.wabridge.model.state.HandoverState;
import io.wabridge.processor.handover.HandoverTurn;
import io.wabridge.processor.handover.Handovers;
import io.wabridge.processor.input.CognigyInput;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * While a handover is open, a user message goes to the agent side instead of the flow (after
 * input mapping, so the agent gets the text and media the flow would have got). The cancel keyword
 * ends the handover instead; so does a provider that cannot be reached. When the handover ended,
 * the flow continues with the end input; with {@code handover.mirror} the message also goes to the
 * flow, whose outputs are not sent. Otherwise the turn ends here: the handover's texts and events,
 * the mark-read, the state.
 */
final class HandoverRoutingStage implements TurnStage {

    private final Handovers handovers;
    private final List<TurnStage> toUser;

    /** @param toUser the stages that end a turn without the flow (output translation, mapping, records) */
    HandoverRoutingStage(Handovers handovers, List<TurnStage> toUser) {
        this.handovers = handovers;
        this.toUser = toUser;
    }

    @Override
    public String name() {
        return "handover-routing";
    }

    @Override
    public Optional<Turn> apply(TurnContext turn) {
        HandoverState open = turn.state.openHandover();
        if (open == null || turn.event().kind() != InboundKind.MESSAGE) {
            return Optional.empty();
        }
        HandoverSettings settings = turn.endpoint.settings().handover();
        HandoverTurn handover = handovers.turn(turn.handoverContext(), settings, open);
        turn.handover = handover;
        turn.outcome = "handover";
        if (settings.isCancelKeyword(turn.input.text())) {
            handover.end(HandoverEndReason.CANCELLED, "user", true);
        } else {
            var event = turn.event();
            handover.forward(event.messageId(), event.messageType(), turn.input.text(), turn.input.data(), event.message());
        }
        turn.outputs = TurnContext.textOutputs(handover.texts());
        if (handover.endedNow().isPresent()) {
            turn.input = new CognigyInput(null, handover.endInput());
            turn.handoverEndInput = true;
            turn.outcome = "handover-ended";
            return Optional.empty();
        }
        if (settings.mirror()) {
            ObjectNode data = turn.input.data() == null ? Json.mapper().createObjectNode() : turn.input.data().deepCopy();
            data.putObject("handover").put("status", handover.state().status().name().toLowerCase(Locale.ROOT))
                    .put("mirrored", true);
            turn.input = new CognigyInput(turn.input.text(), data);
            turn.sentOutputs = turn.outputs.size();
            return Optional.empty();
        }
        return Optional.of(TurnHandler.run(toUser, turn));
    }
}
