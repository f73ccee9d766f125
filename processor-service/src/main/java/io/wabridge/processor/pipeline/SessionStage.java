package io.wabridge.processor.pipeline;

import io.wabridge.model.event.InboundKind;
import java.util.Optional;

/**
 * The turn's Cognigy session: the one an inject names, else the conversation's current one unless
 * it expired. (While an agent has the conversation, the handover stage after input mapping
 * routes a user message to the agent side instead of the flow.)
 */
final class SessionStage implements TurnStage {

    @Override
    public String name() {
        return "session";
    }

    @Override
    public Optional<Turn> apply(TurnContext turn) {
        var event = turn.event();
        turn.session = event.sessionId() != null && event.kind() == InboundKind.INJECT
                ? event.sessionId()
                : turn.state.sessionFor(turn.at, turn.endpoint.settings().session().expiration(), event.eventId());
        return Optional.empty();
    }
}
