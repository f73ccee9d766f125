package io.wabridge.processor.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.wabridge.model.event.InboundKind;
import io.wabridge.model.state.HandoverState;
import io.wabridge.processor.handover.HandoverTurn;
import io.wabridge.processor.handover.Handovers;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An agent's reply during an open handover restarts its inactivity timer, and makes a handover
 * still waiting for an agent {@code active} (the user is told {@code texts.agent-joined} first).
 * The reply then goes to the user like a notify: output translation, mapping, the outbound topic.
 */
final class AgentReplyStage implements TurnStage {

    private final Handovers handovers;

    AgentReplyStage(Handovers handovers) {
        this.handovers = handovers;
    }

    @Override
    public String name() {
        return "agent-reply";
    }

    @Override
    public Optional<Turn> apply(TurnContext turn) {
        HandoverState open = turn.state.openHandover();
        if (turn.event().kind() != InboundKind.AGENT_REPLY || open == null) {
            return Optional.empty();
        }
        HandoverTurn handover = handovers.turn(turn.handoverContext(), turn.endpoint.settings().handover(), open);
        handover.agentMessage();
        turn.handover = handover;
        List<JsonNode> outputs = new ArrayList<>(TurnContext.textOutputs(handover.texts()));
        outputs.addAll(turn.outputs);
        turn.outputs = outputs;
        return Optional.empty();
    }
}
