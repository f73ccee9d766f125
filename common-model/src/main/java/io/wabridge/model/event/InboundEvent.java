package io.wabridge.model.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;

/**
 * One unit of work for the processor, on {@code whatsapp.inbound}, keyed by conversation key.
 *
 * @param eventId         stable id; for a WhatsApp message derived from phone number id and wamid,
 *                        so a redelivery carries the same id
 * @param conversationKey {@code {phoneNumberId}:{userId}}, also the record key
 * @param userId          the id the conversation is keyed on: the business-scoped user id, else (payloads
 *                        before 2026, or an API call naming a phone number) the wa_id
 * @param messageId       the wamid ({@link InboundKind#MESSAGE} only)
 * @param messageType     the WhatsApp message type ({@code text}, {@code image}, … or one we do not know)
 * @param sentAt          when the user sent it (the webhook's {@code timestamp})
 * @param receivedAt      when ingress accepted the delivery
 * @param contactName     the user's profile name, when the webhook carries one
 * @param text            inject / notify / agent reply text
 * @param data            inject / notify / agent reply data
 * @param sessionId       the session an inject / notify names, if any
 * @param message         the webhook's {@code messages[]} item, verbatim
 * @param contact         the matching {@code contacts[]} item, verbatim
 * @param metadata        the webhook's {@code metadata} object, verbatim
 */
public record InboundEvent(
        int schemaVersion,
        String eventId,
        InboundKind kind,
        String endpointId,
        String phoneNumberId,
        String conversationKey,
        String userId,
        String messageId,
        String messageType,
        Instant sentAt,
        Instant receivedAt,
        String contactName,
        String text,
        JsonNode data,
        String sessionId,
        JsonNode message,
        JsonNode contact,
        JsonNode metadata) {

    public static final int SCHEMA_VERSION = 1;

    public InboundEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(conversationKey, "conversationKey");
    }
}
