package io.wabridge.model.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A delivery status of an outbound message, on {@code whatsapp.statuses}, keyed by conversation key.
 *
 * @param messageId    the wamid the status is about (absent when a send failed before Graph gave one)
 * @param outboundId   the wabridge outbound id, when known (egress outcomes; webhooks via callback data)
 * @param callbackData {@code biz_opaque_callback_data} echoed by Meta
 * @param timestamp    when Meta (or egress) says it happened; never move a status backwards by arrival order
 * @param original     the webhook's {@code statuses[]} item, verbatim (webhook source only)
 */
public record StatusEvent(
        int schemaVersion,
        String eventId,
        StatusSource source,
        String endpointId,
        String phoneNumberId,
        String conversationKey,
        String recipientId,
        String messageId,
        String outboundId,
        DeliveryStatus status,
        Instant timestamp,
        Instant receivedAt,
        String callbackData,
        List<WhatsAppError> errors,
        JsonNode original) {

    public static final int SCHEMA_VERSION = 1;

    public StatusEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(status, "status");
        errors = errors == null ? List.of() : List.copyOf(errors);
    }
}
