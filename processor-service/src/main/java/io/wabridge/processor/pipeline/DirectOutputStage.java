package io.wabridge.processor.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wabridge.model.Json;
import java.util.List;
import java.util.Optional;

/** A notify or agent reply is the turn's one output: its own {@code text} and {@code data}, no flow. */
final class DirectOutputStage implements TurnStage {

    @Override
    public String name() {
        return "direct-output";
    }

    @Override
    public Optional<Turn> apply(TurnContext turn) {
        var event = turn.event();
        ObjectNode output = Json.mapper().createObjectNode();
        output.put("text", event.text());
        if (event.data() != null) {
            output.set("data", event.data());
        }
        turn.session = event.sessionId();
        turn.userId = turn.work.flowUserId(turn.endpoint.settings().cognigy().userId());
        turn.outputs = List.of(output);
        return Optional.empty();
    }
}
