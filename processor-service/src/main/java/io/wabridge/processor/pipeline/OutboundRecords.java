package io.wabridge.processor.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.wabridge.model.EventHeaders;
import io.wabridge.model.EventIds;
import io.wabridge.model.Topics;
import io.wabridge.model.event.HandoverEvent;
import io.wabridge.model.event.InboundEvent;
import io.wabridge.model.event.OutboundKind;
import io.wabridge.model.event.OutboundMessage;
import io.wabridge.model.event.TranscriptDirection;
import io.wabridge.model.event.TranscriptEntry;
import io.wabridge.model.privacy.Masking;
import io.wabridge.model.settings.EndpointSettings.TranscriptMode;
import io.wabridge.support.endpoint.Endpoint;
import io.wabridge.support.kafka.DeadLetterRecords;
import io.wabridge.support.kafka.EventCodec;
import io.wabridge.support.observe.RecordTracing;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Builds the records a turn writes: outbound messages, transcript entries and dead letters. */
final class OutboundRecords {

    private final EventCodec codec;
    private final String outboundTopic;
    private final String deadLetterTopic;
    private final String transcriptTopic;
    private final String handoverTopic;
    private final Clock clock;
    private final RecordTracing tracing;

    OutboundRecords(EventCodec codec, String outboundTopic, String deadLetterTopic, String transcriptTopic, Clock clock,
                    RecordTracing tracing) {
        this(codec, outboundTopic, deadLetterTopic, transcriptTopic, Topics.HANDOVER, clock, tracing);
    }

    OutboundRecords(EventCodec codec, String outboundTopic, String deadLetterTopic, String transcriptTopic, String handoverTopic,
                    Clock clock, RecordTracing tracing) {
        this.handoverTopic = handoverTopic;
        this.codec = codec;
        this.outboundTopic = outboundTopic;
        this.deadLetterTopic = deadLetterTopic;
        this.transcriptTopic = transcriptTopic;
        this.clock = clock;
        this.tracing = tracing;
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
                endpoint.phoneNumberId(), event.conversationKey(), work.recipient(), event.messageId(), message,
                clock.instant());
        ProducerRecord<String, byte[]> record = codec.record(outboundTopic, work.key(), outbound, traceparent(work));
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

    /**
     * A transcript entry of the turn when the endpoint's {@code data-protection.transcript} is on
     * or masked, else empty. {@code part} makes its id ({@code user}, {@code bot/0}…); masked, the
     * user id, message id, text and data are masked and the key is the conversation's pseudonym.
     */
    Optional<ProducerRecord<String, byte[]>> transcript(Work work, Endpoint endpoint, String sessionId,
                                                        TranscriptDirection direction, Integer index, String text,
                                                        JsonNode data) {
        TranscriptMode mode = endpoint.settings().dataProtection().transcript();
        if (mode == TranscriptMode.OFF) {
            return Optional.empty();
        }
        InboundEvent event = work.event();
        boolean masked = mode == TranscriptMode.MASKED;
        Masking masking = masked ? Masking.ON : Masking.OFF;
        String key = masked ? Masking.pseudonymousKey(work.key()) : work.key();
        String part = direction == TranscriptDirection.USER ? "user" : direction.name().toLowerCase(Locale.ROOT) + "/" + index;
        Instant at = direction == TranscriptDirection.USER && event.receivedAt() != null ? event.receivedAt() : clock.instant();
        TranscriptEntry entry = new TranscriptEntry(TranscriptEntry.SCHEMA_VERSION,
                EventIds.transcript(event.eventId(), part), key, endpoint.id(), endpoint.phoneNumberId(),
                masking.id(work.flowUserId(endpoint.settings().cognigy().userId())), sessionId, direction, masking.text(text), masking.data(data), event.eventId(),
                direction == TranscriptDirection.USER ? masking.messageId(event.messageId()) : null,
                direction == TranscriptDirection.USER ? null : index, masked, at);
        return Optional.of(codec.record(transcriptTopic, key, entry, traceparent(work)));
    }

    /** A handover event of the turn, on the handover topic under the conversation key. */
    ProducerRecord<String, byte[]> handover(Work work, HandoverEvent event) {
        return codec.record(handoverTopic, work.key(), event, traceparent(work));
    }

    /** The turn's span (a child of the inbound record's trace); without tracing, the inbound header as it came. */
    private String traceparent(Work work) {
        String traceparent = tracing.currentTraceparent(null);
        return traceparent != null ? traceparent : RecordTracing.passedOn(work.record());
    }

    /**
     * An outbound record not sent because the customer-service window is closed: to the outbound
     * dead-letter topic, where egress puts what it cannot send, so operators see one stream.
     */
    ProducerRecord<String, byte[]> unsent(ProducerRecord<String, byte[]> outbound, String reason) {
        return DeadLetterRecords.ofUnwritten(outbound, Topics.deadLetterOf(outboundTopic), reason);
    }

    /** The source record verbatim (value and headers) plus why it failed and where it came from. */
    ProducerRecord<String, byte[]> deadLetter(ConsumerRecord<String, byte[]> source, String reason, String detail) {
        ProducerRecord<String, byte[]> record = DeadLetterRecords.of(source, deadLetterTopic, reason);
        DeadLetterRecords.set(record.headers(), EventHeaders.FAILURE_DETAIL, detail);
        return record;
    }
}
