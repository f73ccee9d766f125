package io.wabridge.processor.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wabridge.model.event.InboundKind;
import io.wabridge.model.event.OutboundKind;
import io.wabridge.model.event.TranscriptDirection;
import io.micrometer.core.instrument.MeterRegistry;
import io.wabridge.model.settings.EndpointSettings;
import io.wabridge.model.state.ConversationState;
import io.wabridge.processor.window.WindowTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The last stage: the turn's records (mark-read, one outbound record per message in order,
 * transcript entries) and the state after it. Always ends the turn. A record too large for Kafka
 * fails the turn instead of every later commit.
 */
final class RecordsStage implements TurnStage {

    /**
     * Largest outbound record value written; below Kafka's default 1 MB limits, so that an
     * enormous flow output fails its turn (fallback + dead letter) instead of every commit.
     */
    static final int MAX_RECORD_BYTES = 900 * 1024;
    /** {@code failure-reason} of a free-form message stopped because the customer-service window is closed. */
    static final String OUTSIDE_SERVICE_WINDOW = "outside-service-window";

    private final OutboundRecords records;
    private final TurnEnds ends;
    private final int dedupeWindow;
    private final MeterRegistry meters;

    RecordsStage(OutboundRecords records, TurnEnds ends, int dedupeWindow, MeterRegistry meters) {
        this.records = records;
        this.ends = ends;
        this.dedupeWindow = dedupeWindow;
        this.meters = meters;
    }

    @Override
    public String name() {
        return "records";
    }

    @Override
    public Optional<Turn> apply(TurnContext turn) {
        return Optional.of(turn.input != null ? flowTurn(turn) : userTurn(turn));
    }

    private Turn flowTurn(TurnContext turn) {
        var event = turn.event();
        var endpoint = turn.endpoint;
        List<ProducerRecord<String, byte[]>> out = new ArrayList<>();
        if (event.kind() == InboundKind.MESSAGE && endpoint.settings().markAsRead() && event.messageId() != null
                && !UserChanges.isChange(event)) {
            out.add(records.outbound(turn.work, endpoint, 0, OutboundKind.MARK_READ, null));
        }
        addMessages(turn, out);
        addHandoverEvents(turn, out);
        records.transcript(turn.work, endpoint, turn.session, TranscriptDirection.USER, null, turn.input.text(), turn.input.data())
                .ifPresent(out::add);
        for (int i = 0; i < turn.outputs.size(); i++) {
            JsonNode output = turn.outputs.get(i);
            records.transcript(turn.work, endpoint, turn.session, TranscriptDirection.BOT, i, textOf(output), output.get("data"))
                    .ifPresent(out::add);
        }
        if (oversized(out)) {
            return tooLarge(turn, turn.state.afterTurn(turn.session, turn.at, null, turn.offset(), dedupeWindow));
        }
        return ends.outcome(turn.work, turn.withStorage(turn.state.afterTurn(turn.session, turn.at, turn.messageId, turn.offset(),
                dedupeWindow)), out, turn.outcome != null ? turn.outcome : "replied");
    }

    /** Notify and agent replies: converted like a bot output, without the flow. */
    private Turn userTurn(TurnContext turn) {
        var event = turn.event();
        List<ProducerRecord<String, byte[]>> out = new ArrayList<>();
        addMessages(turn, out);
        addHandoverEvents(turn, out);
        TranscriptDirection direction = event.kind() == InboundKind.AGENT_REPLY ? TranscriptDirection.AGENT : TranscriptDirection.BOT;
        for (int i = 0; i < turn.outputs.size(); i++) {
            JsonNode output = turn.outputs.get(i);
            records.transcript(turn.work, turn.endpoint, turn.session, direction, i, textOf(output), output.get("data"))
                    .ifPresent(out::add);
        }
        if (oversized(out)) {
            return tooLarge(turn, turn.state.remember(null, turn.offset(), dedupeWindow));
        }
        return ends.outcome(turn.work, turn.withStorage(turn.state.remember(turn.messageId, turn.offset(), dedupeWindow)), out,
                turn.outcome != null ? turn.outcome : "notified");
    }

    /** The handover's events, after the messages: a desk that sees the end sees it after what the user was told. */
    private void addHandoverEvents(TurnContext turn, List<ProducerRecord<String, byte[]>> out) {
        if (turn.handover != null) {
            turn.handover.events().forEach(event -> out.add(records.handover(turn.work, event)));
        }
    }

    /**
     * One outbound record per message, in order. A free-form message is checked against the
     * customer-service window at the turn's event time (when ingress accepted the notify, agent
     * reply or user message; a reply to a user message is inside the window that message just
     * renewed, and a replay decides as the original turn did): outside it, Meta would refuse it
     * (131047), so it becomes the endpoint's template or goes straight to the outbound
     * dead-letter topic, keeping its id and index.
     */
    private void addMessages(TurnContext turn, List<ProducerRecord<String, byte[]>> out) {
        int index = out.size();
        boolean open = turn.state.serviceWindowOpenAt(turn.at);
        EndpointSettings.ServiceWindow window = turn.endpoint.settings().serviceWindow();
        int outputs = 0;
        for (List<ObjectNode> messages : turn.messages) {
            if (turn.sentOutputs != null && outputs++ >= turn.sentOutputs) {
                break; // mirrored to the flow while an agent has the conversation: its outputs are not the user's
            }
            for (ObjectNode message : messages) {
                if (open || WindowTemplate.isTemplate(message)) {
                    out.add(records.outbound(turn.work, turn.endpoint, index++, OutboundKind.MESSAGE, message));
                } else if (window.outside() == EndpointSettings.Outside.TEMPLATE) {
                    out.add(records.outbound(turn.work, turn.endpoint, index++, OutboundKind.MESSAGE,
                            WindowTemplate.replacing(message, window.template())));
                    outsideWindow(turn, "template");
                } else {
                    out.add(records.unsent(records.outbound(turn.work, turn.endpoint, index++, OutboundKind.MESSAGE, message),
                            OUTSIDE_SERVICE_WINDOW));
                    outsideWindow(turn, "dead-letter");
                }
            }
        }
    }

    private void outsideWindow(TurnContext turn, String outcome) {
        meters.counter("wabridge.processor.service.window.outside", "endpoint", turn.endpoint.id(), "outcome", outcome).increment();
    }

    private Turn tooLarge(TurnContext turn, ConversationState after) {
        return ends.failed(turn.work, turn.endpoint, after, "output-too-large",
                new IllegalStateException("an output exceeds " + MAX_RECORD_BYTES + " bytes"));
    }

    private static String textOf(JsonNode output) {
        JsonNode text = output.get("text");
        return text == null || text.isNull() ? null : text.asText();
    }

    private static boolean oversized(List<ProducerRecord<String, byte[]>> records) {
        return records.stream().anyMatch(record -> record.value() != null && record.value().length > MAX_RECORD_BYTES);
    }
}
