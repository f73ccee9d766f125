package io.wabridge.processor.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.wabridge.model.EventHeaders;
import io.wabridge.model.EventIds;
import io.wabridge.model.event.InboundEvent;
import io.wabridge.model.event.OutboundKind;
import io.wabridge.model.event.OutboundMessage;
import io.wabridge.support.endpoint.Endpoint;
import io.wabridge.support.kafka.DeadLetterRecords;
import io.wabridge.support.kafka.EventCodec;
import io.wabridge.support.observe.RecordTracing;
import java.time.Clock;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Builds the records a turn writes: outbound messages and dead letters. */
final class OutboundRecords {


    private final EventCodec codec;
    private final String outboundTopic;
    private final String deadLetterTopic;
    private final Clock clock;
    private final RecordTracing tracing;

    OutboundRecords(EventCodec codec, String outboundTopic, String deadLetterTopic, Clock clock, RecordTracing tracing) {
        this.tracing = tracing;
        this.codec = codec;
        this.outboundTopic = outboundTopic;
        this.deadLetterTopic = deadLetterTopic;
        this.clock = clock;
    }

    /** The {@code index}-th output of the event; its id is derived from event id and index. */
    ProducerRecord<String, byte[]> outbound(Work work, Endpoint endpoint, int index, OutboundKind kind, JsonNode message) {
        return outbound(work, endpoint, EventIds.outbound(work.event().eventId(), index), index, kind, message);
    }

    /**
     * The fallback text of a failed turn. Its id is not that of the turn's first reply: when the
     * dead-lettered input is re-driven and succeeds, the send ledger must not take the real reply
     * for the fallback already sent.
     */
    ProducerRecord<String, byte[]> fallback(Work work, Endpoint endpoint, JsonNode message) {
        String id = EventIds.outbound(work.event().eventId() + "/fallback", 0);
        return outbound(work, endpoint, id, 0, OutboundKind.MESSAGE, message);
    }

    private ProducerRecord<String, byte[]> outbound(Work work, Endpoint endpoint, String outboundId, int index, OutboundKind kind,
                                                    JsonNode message) {
        InboundEvent event = work.event();
        OutboundMessage outbound = new OutboundMessage(OutboundMessage.SCHEMA_VERSION,
                outboundId, event.eventId(), index, kind, endpoint.id(),
                endpoint.phoneNumberId(), event.conversationKey(), event.userId(), event.messageId(), message,
                clock.instant());
        // The turn's span (a child of the inbound record's trace); without tracing, the inbound header as it came.
        String traceparent = tracing.currentTraceparent(null);
        if (traceparent == null) {
            traceparent = RecordTracing.passedOn(work.record());
        }
        ProducerRecord<String, byte[]> record = codec.record(outboundTopic, work.key(), outbound, traceparent);
        if (event.receivedAt() != null && EventCodec.header(work.record().headers(), EventHeaders.REPLAYED_FROM) == null) {
            // Egress measures webhook-to-Graph-accept latency from it; a replayed record's age is no latency.
            DeadLetterRecords.set(record.headers(), EventHeaders.INGRESS_RECEIVED_AT, event.receivedAt().toString());
        }
        if (work.forced()) {
            // A forced replay re-does the whole turn: egress sends its replies even though the ledger has their ids.
            DeadLetterRecords.set(record.headers(), EventHeaders.REPLAY_FORCE, "true");
        }
        return record;
    }

    /** The source record verbatim (value and headers) plus why it failed and where it came from. */
    ProducerRecord<String, byte[]> deadLetter(ConsumerRecord<String, byte[]> source, String reason, String detail) {
        ProducerRecord<String, byte[]> record = DeadLetterRecords.of(source, deadLetterTopic, reason);
        DeadLetterRecords.set(record.headers(), EventHeaders.FAILURE_DETAIL, detail);
        return record;
    }
}
