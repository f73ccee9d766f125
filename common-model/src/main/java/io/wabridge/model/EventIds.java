package io.wabridge.model;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Deterministic event ids: the same input always yields the same id, so a redelivered webhook,
 * a retry or a replay produces records that downstream dedupe and the send ledger recognise.
 */
public final class EventIds {

    private EventIds() {
    }

    /** Id of the inbound event for a WhatsApp message (wamid) received on a phone number. */
    public static String inboundMessage(String phoneNumberId, String messageId) {
        return nameBased("inbound", phoneNumberId, messageId);
    }

    /** Id of the status event for one status webhook item. */
    public static String status(String messageId, String status, String timestamp) {
        return nameBased("status", messageId, status, timestamp);
    }

    /** Id of the {@code index}-th outbound message produced while handling an inbound event. */
    public static String outbound(String inboundEventId, int index) {
        return nameBased("outbound", inboundEventId, Integer.toString(index));
    }

    /**
     * Id of an Inject &amp; Notify request that carries an {@code Idempotency-Key}: a client's retry
     * of the same request gets the same id and is dropped downstream.
     */
    public static String apiRequest(String kind, String conversationKey, String idempotencyKey) {
        return nameBased("api", kind, conversationKey, idempotencyKey);
    }

    /**
     * Id of a transcript entry: {@code part} is {@code user} for the turn's input, else the
     * output's direction and index ({@code bot/0}), so a replayed turn writes the same ids.
     */
    public static String transcript(String inboundEventId, String part) {
        return nameBased("transcript", inboundEventId, part);
    }

    /**
     * Id of an item of a {@code smb_message_echoes}, {@code messaging_handovers} or {@code standby}
     * change: {@code itemId} is the item's wamid, or for an item without one its JSON, so a
     * redelivered webhook yields the same id. Its own namespace, so it never equals a user message's.
     */
    public static String responderActivity(String field, String phoneNumberId, String itemId) {
        return nameBased("responder", field, phoneNumberId, itemId);
    }

    /** Id of a handover started by an inbound event (a flow output's marker or a start command). */
    public static String handover(String inboundEventId) {
        return nameBased("handover", inboundEventId);
    }

    /** Id of a handover event: {@code part} names its place in the turn ({@code status/0}, {@code user/3}…). */
    public static String handoverEvent(String inboundEventId, String part) {
        return nameBased("handover-event", inboundEventId, part);
    }

    /**
     * Id of an inactivity timer record: one per handover, stage and activity, so the timer that
     * fires again after a restart carries the same id and is dropped as a duplicate.
     */
    public static String handoverTimer(String conversationKey, String handoverId, String stage, String activity) {
        return nameBased("handover-timer", conversationKey, handoverId, stage, activity);
    }

    /** Id of a non-message webhook change (account update, template status…). */
    public static String change(String entryId, String field, String value) {
        return nameBased("change", entryId, field, value);
    }

    private static String nameBased(String... parts) {
        return UUID.nameUUIDFromBytes(String.join("\u0000", parts).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
