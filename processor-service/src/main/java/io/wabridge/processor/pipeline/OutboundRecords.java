package io.wabridge.processor.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.wabridge.model.EventHeaders;
import io.wabridge.model.EventIds;
import io.wabridge.model.event.InboundEvent;
import io.wabridge.model.event.OutboundKind;
import io.wabridge.model.event.OutboundMessage;
import io.wabridge.support.endpoint.Endpoint;
import io.wabridge.support.kafka.EventCodec;
import io.wabridge.support.kafka.TraceContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;

/** Builds the records a turn writes: outbound messages and dead letters. */
final class OutboundRecords {

    static final String DLT_ORIGINAL_TOPIC = "dlt-original-topic";
    static final String DLT_ORIGINAL_PARTITION = "dlt-original-partition";
    static final String DLT_ORIGINAL_OFFSET = "dlt-original-offset";
    static final String FAILURE_DETAIL = "failure-detail";

    private final EventCodec codec;
    private final String outboundTopic;
    private final String deadLetterTopic;
    private final Clock clock;

    OutboundRecords(EventCodec codec, String outboundTopic, String deadLetterTopic, Clock clock) {
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
        String traceparent = TraceContext.continueOrStart(EventCodec.header(work.record().headers(), EventHeaders.TRACEPARENT));
        return codec.record(outboundTopic, work.key(), outbound, traceparent);
    }

    /** The source record verbatim (value and headers) plus why it failed and where it came from. */
    ProducerRecord<String, byte[]> deadLetter(ConsumerRecord<String, byte[]> source, String reason, String detail) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(deadLetterTopic, source.key(), source.value());
        for (Header header : source.headers()) {
            record.headers().add(header);
        }
        record.headers().add(EventHeaders.FAILURE_REASON, utf8(reason));
        if (detail != null) {
            record.headers().add(FAILURE_DETAIL, utf8(detail));
        }
        record.headers().add(DLT_ORIGINAL_TOPIC, utf8(source.topic()));
        record.headers().add(DLT_ORIGINAL_PARTITION, utf8(Integer.toString(source.partition())));
        record.headers().add(DLT_ORIGINAL_OFFSET, utf8(Long.toString(source.offset())));
        return record;
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
