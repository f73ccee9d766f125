package io.wabridge.processor.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wabridge.model.event.InboundKind;
import io.wabridge.model.event.OutboundKind;
import io.wabridge.model.event.TranscriptDirection;
import io.wabridge.model.state.ConversationState;
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

    private final OutboundRecords records;
    private final TurnEnds ends;
    private final int dedupeWindow;

    RecordsStage(OutboundRecords records, TurnEnds ends, int dedupeWindow) {
        this.records = records;
        this.ends = ends;
        this.dedupeWindow = dedupeWindow;
    }

    @Override
    public String name() {
        return "records";
    }

    @Override
    public Optional<Turn> apply(TurnContext turn) {
        return Optional.of(toFlow(turn.event().kind()) ? flowTurn(turn) : userTurn(turn));
    }

    private static boolean toFlow(InboundKind kind) {
        return kind == InboundKind.MESSAGE || kind == InboundKind.INJECT;
    }

    private Turn flowTurn(TurnContext turn) {
        var event = turn.event();
        var endpoint = turn.endpoint;
        List<ProducerRecord<String, byte[]>> out = new ArrayList<>();
        if (event.kind() == InboundKind.MESSAGE && endpoint.settings().markAsRead() && event.messageId() != null) {
            out.add(records.outbound(turn.work, endpoint, 0, OutboundKind.MARK_READ, null));
        }
        addMessages(turn, out);
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
                dedupeWindow)), out, "replied");
    }

    /** Notify and agent replies: converted like a bot output, without the flow. */
    private Turn userTurn(TurnContext turn) {
        var event = turn.event();
        List<ProducerRecord<String, byte[]>> out = new ArrayList<>();
        addMessages(turn, out);
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
                "notified");
    }

    private void addMessages(TurnContext turn, List<ProducerRecord<String, byte[]>> out) {
        int index = out.size();
        for (List<ObjectNode> messages : turn.messages) {
            for (ObjectNode message : messages) {
                out.add(records.outbound(turn.work, turn.endpoint, index++, OutboundKind.MESSAGE, message));
            }
        }
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
