package io.wabridge.processor.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.observation.Observation;
import io.wabridge.processor.cognigy.CognigyClient;
import io.wabridge.processor.cognigy.CognigyException;
import io.wabridge.processor.cognigy.CognigyRequest;
import io.wabridge.model.state.ConversationState;
import io.wabridge.support.endpoint.Endpoint;
import io.wabridge.support.observe.RecordTracing;
import io.wabridge.support.privacy.LogMasking;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Cognigy REST Endpoint call; no usable answer ends the turn with the fallback text and a dead
 * letter, and the message is not remembered as handled, so a re-drive from the dead-letter topic
 * reaches the flow.
 */
final class CognigyStage implements TurnStage {

    private static final Logger log = LoggerFactory.getLogger(CognigyStage.class);

    private final CognigyClient cognigy;
    private final RecordTracing tracing;
    private final TurnEnds ends;
    private final int dedupeWindow;

    CognigyStage(CognigyClient cognigy, RecordTracing tracing, TurnEnds ends, int dedupeWindow) {
        this.cognigy = cognigy;
        this.tracing = tracing;
        this.ends = ends;
        this.dedupeWindow = dedupeWindow;
    }

    @Override
    public String name() {
        return "cognigy";
    }

    @Override
    public Optional<Turn> apply(TurnContext turn) {
        try {
            // After what earlier stages put first (a handover's texts to the user).
            List<JsonNode> outputs = new ArrayList<>(turn.outputs);
            outputs.addAll(call(turn.endpoint, new CognigyRequest(turn.userId, turn.session, turn.input.text(), turn.input.data())));
            turn.outputs = outputs;
            return Optional.empty();
        } catch (CognigyException e) {
            log.warn("Cognigy gave no answer for {} (endpoint {}, event {}): {} {}", LogMasking.of(turn.endpoint).key(turn.work.key()),
                    turn.endpoint.id(), turn.event().eventId(), e.failure().reason(), e.getMessage());
            ConversationState after = turn.withStorage(turn.state.afterTurn(turn.session, turn.at, null, turn.offset(), dedupeWindow));
            return Optional.of(ends.failed(turn, after, e.failure().reason(), e));
        }
    }

    /**
     * The call (retries included) as a child span and the timer
     * {@code wabridge.processor.cognigy.calls}, tagged by endpoint and outcome ({@code ok} or the
     * failure reason).
     */
    private List<JsonNode> call(Endpoint endpoint, CognigyRequest request) {
        Observation call = tracing.child("wabridge.processor.cognigy.calls", "cognigy call")
                .lowCardinalityKeyValue("endpoint", endpoint.id())
                .start();
        Observation.Scope scope = call.openScope();
        try {
            List<JsonNode> outputs = cognigy.send(endpoint.id(), endpoint.settings().cognigy(), request);
            call.lowCardinalityKeyValue("outcome", "ok");
            return outputs;
        } catch (CognigyException e) {
            call.lowCardinalityKeyValue("outcome", e.failure().reason());
            call.error(e);
            throw e;
        } finally {
            scope.close();
            call.stop();
        }
    }
}
