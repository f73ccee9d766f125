package io.wabridge.model.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;

/**
 * One WhatsApp message (or mark-read / typing action) to send, on {@code whatsapp.outbound},
 * keyed by conversation key.
 *
 * @param outboundId     deterministic: {@code EventIds.outbound(inboundEventId, index)}, so a replay
 *                       or retry yields the same id and the send ledger can refuse a second send
 * @param inboundEventId the inbound event whose handling produced this message
 * @param index          position among that event's outputs, starting at 0
 * @param recipient      the user's wa_id (or business-scoped user id)
 * @param replyTo        the user's wamid to mark read / quote; optional for messages
 * @param message        a Cloud API message object without {@code to} and {@code messaging_product},
 *                       e.g. {@code {"type":"text","text":{"body":"Hi"}}}; absent for actions
 */
public record OutboundMessage(
        int schemaVersion,
        String outboundId,
        String inboundEventId,
        int index,
        OutboundKind kind,
        String endpointId,
        String phoneNumberId,
        String conversationKey,
        String recipient,
        String replyTo,
        JsonNode message,
        Instant createdAt) {

    public static final int SCHEMA_VERSION = 1;

    public OutboundMessage {
        Objects.requireNonNull(outboundId, "outboundId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(conversationKey, "conversationKey");
    }
}
