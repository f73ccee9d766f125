package io.wabridge.processor.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.wabridge.model.Json;
import io.wabridge.model.event.InboundKind;
import io.wabridge.model.state.ConversationState;
import io.wabridge.support.endpoint.Endpoint;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;

/** The ways a turn ends, each counted: an outcome, a fallback with a dead letter, a dead letter alone. */
final class TurnEnds {

    private final OutboundRecords records;
    private final MeterRegistry meters;

    TurnEnds(OutboundRecords records, MeterRegistry meters) {
        this.records = records;
        this.meters = meters;
    }

    /** A turn that went as planned ({@code wabridge.processor.turns{outcome}}). */
    Turn outcome(Work work, ConversationState after, List<ProducerRecord<String, byte[]>> out, String outcome) {
        meters.counter("wabridge.processor.turns", "outcome", outcome).increment();
        return new Turn(work, after, out);
    }

    /** The endpoint's fallback text to the user and the inbound record to the dead-letter topic. */
    Turn failed(Work work, Endpoint endpoint, ConversationState after, String reason, Exception cause) {
        List<ProducerRecord<String, byte[]>> out = new ArrayList<>();
        if (work.event().kind() != InboundKind.HANDOVER && !work.event().kind().internal()) {
            ObjectNode text = Json.mapper().createObjectNode().put("type", "text");
            text.putObject("text").put("body", endpoint.settings().cognigy().fallbackText());
            out.add(records.fallback(work, endpoint, text));
        }
        out.add(records.deadLetter(work.record(), reason, cause.getMessage()));
        meters.counter("wabridge.processor.dead.letters", "reason", reason).increment();
        return outcome(work, after, out, "fallback");
    }

    /**
     * As {@link #failed(Work, Endpoint, ConversationState, String, Exception)}, keeping the turn's
     * handover events: a handover that ended in the turn has ended, whether or not the flow then answered.
     */
    Turn failed(TurnContext turn, ConversationState after, String reason, Exception cause) {
        Turn failed = failed(turn.work, turn.endpoint, after, reason, cause);
        if (turn.handover == null || turn.handover.events().isEmpty()) {
            return failed;
        }
        List<ProducerRecord<String, byte[]>> out = new ArrayList<>(failed.records());
        turn.handover.events().forEach(event -> out.add(records.handover(turn.work, event)));
        return new Turn(failed.work(), failed.state(), out);
    }

    Turn deadLetterOnly(Work work, ConversationState after, String reason, String detail) {
        meters.counter("wabridge.processor.dead.letters", "reason", reason).increment();
        return new Turn(work, after, List.of(records.deadLetter(work.record(), reason, detail)));
    }
}
