package io.wabridge.model.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;

/**
 * One thing that happened in a handover to human agents, on {@code whatsapp.handover}, keyed by
 * conversation key; written by the processor in the same transaction as the turn that caused it,
 * so an agent desk reading {@code read_committed} sees each exactly once and in conversation order.
 *
 * @param eventId         deterministic: the inbound event's id and the event's place in its turn,
 *                        so a replayed turn writes the same ids (desks dedupe by it)
 * @param type            {@code status} (a lifecycle transition) or {@code user_message}
 * @param handoverId      the handover (one per start); stable across its events
 * @param provider        the provider that has the handover ({@code kafka}…)
 * @param status          the handover's status after this event
 * @param reason          once {@code ended}: {@code completed}, {@code cancelled}, {@code timeout}, {@code error}
 * @param source          who caused a status event: {@code bot}, {@code api}, {@code agent}, {@code user},
 *                        {@code timeout}, {@code provider}
 * @param queuePosition   on {@code queued}: the user's place in the queue, when the provider knows it
 * @param agentName       on {@code active}: the agent's name, when the agent side gave one
 * @param sequence        on {@code user_message}: 1, 2, 3… within the handover, in the order the user wrote
 * @param messageId       on {@code user_message}: the user's wamid
 * @param messageType     on {@code user_message}: the WhatsApp message type ({@code text}, {@code image}…)
 * @param text            on {@code user_message}: the message as text (what the flow would have received)
 * @param data            on {@code user_message}: the message as flow data (media ids and, when enabled, URLs)
 * @param message         on {@code user_message}: the webhook's {@code messages[]} item, verbatim
 * @param providerData    on {@code requested}: the provider-specific fields of the start (e.g. an inbox id)
 * @param inboundEventId  the inbound event whose turn wrote it
 * @param timestamp       when the turn wrote it
 */
public record HandoverEvent(
        int schemaVersion,
        String eventId,
        HandoverEventType type,
        String handoverId,
        String endpointId,
        String phoneNumberId,
        String conversationKey,
        String userId,
        String contactName,
        String sessionId,
        String provider,
        HandoverStatus status,
        HandoverEndReason reason,
        String source,
        Integer queuePosition,
        String agentName,
        Long sequence,
        String messageId,
        String messageType,
        String text,
        JsonNode data,
        JsonNode message,
        JsonNode providerData,
        String inboundEventId,
        Instant timestamp) {

    public static final int SCHEMA_VERSION = 1;

    public HandoverEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(handoverId, "handoverId");
        Objects.requireNonNull(conversationKey, "conversationKey");
    }
}
