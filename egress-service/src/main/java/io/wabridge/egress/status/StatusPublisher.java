package io.wabridge.egress.status;

import io.wabridge.model.EventIds;
import io.wabridge.model.event.DeliveryStatus;
import io.wabridge.model.event.OutboundMessage;
import io.wabridge.model.event.StatusEvent;
import io.wabridge.model.event.StatusSource;
import io.wabridge.model.event.WhatsAppError;
import io.wabridge.support.kafka.EventCodec;
import io.wabridge.support.kafka.TopicSettings;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Writes egress's own {@link StatusEvent}s (source {@code egress}) to {@code whatsapp.statuses}:
 * {@code accepted} with the wamid, or {@code failed} with the Graph error. A failure that has no
 * Graph error (retries exhausted on timeouts, circuit open) carries an error with code 0 whose
 * message is the reason.
 */
public class StatusPublisher {

    /** Code of errors that egress reports itself, without a Graph error behind them. */
    public static final int EGRESS_ERROR_CODE = 0;

    private final KafkaTemplate<String, byte[]> template;
    private final EventCodec codec;
    private final TopicSettings topics;

    public StatusPublisher(KafkaTemplate<String, byte[]> template, EventCodec codec, TopicSettings topics) {
        this.template = template;
        this.codec = codec;
        this.topics = topics;
    }

    public CompletableFuture<Void> accepted(OutboundMessage message, String wamid, String traceparent) {
        return publish(message, DeliveryStatus.ACCEPTED, wamid, List.of(), traceparent);
    }

    public CompletableFuture<Void> failed(OutboundMessage message, WhatsAppError error, String reason, String traceparent) {
        WhatsAppError reported = error != null ? error : new WhatsAppError(EGRESS_ERROR_CODE, "not sent", reason, null, null);
        return publish(message, DeliveryStatus.FAILED, null, List.of(reported), traceparent);
    }

    private CompletableFuture<Void> publish(OutboundMessage message, DeliveryStatus status, String wamid,
                                            List<WhatsAppError> errors, String traceparent) {
        Instant now = Instant.now();
        StatusEvent event = new StatusEvent(
                StatusEvent.SCHEMA_VERSION,
                EventIds.status(message.outboundId(), status.name().toLowerCase(java.util.Locale.ROOT), "egress"),
                StatusSource.EGRESS,
                message.endpointId(),
                message.phoneNumberId(),
                message.conversationKey(),
                message.recipient(),
                wamid,
                message.outboundId(),
                status,
                now,
                now,
                message.outboundId(),
                errors,
                null);
        return template.send(codec.record(topics.statuses(), message.conversationKey(), event, traceparent))
                .thenApply(result -> null);
    }
}
