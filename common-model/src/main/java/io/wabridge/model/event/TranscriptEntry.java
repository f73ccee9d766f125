package io.wabridge.model.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;

/**
 * One line of a conversation on {@code whatsapp.transcripts}, written by the processor in the
 * same transaction as the turn's replies when the endpoint's {@code data-protection.transcript}
 * is {@code on} or {@code masked}. Keyed by conversation key, or in masked mode by its pseudonym.
 *
 * @param eventId         deterministic ({@code EventIds.transcript}): a replayed turn writes the same ids
 * @param conversationKey the record key: the conversation key, or when masked {@code phoneNumberId:<pseudonym>}
 * @param userId          the user's wa_id; masked like in logs ({@code 491*****234}) when masked
 * @param sessionId       the Cognigy session the turn ran in
 * @param direction       {@code user}, {@code bot} or {@code agent}
 * @param text            what was said; {@code ***} when masked. User text is what the flow received
 *                        (after input sanitization)
 * @param data            the input's or output's data; {@code "***"} when masked
 * @param inboundEventId  the inbound event the turn handled
 * @param messageId       the user's wamid, on user entries of WhatsApp messages
 * @param index           position of a bot or agent entry among the turn's outputs, from 0; absent on user entries
 * @param masked          true when user id, text and data were masked
 * @param timestamp       when the user's message was received (user entries) or the output written
 */
public record TranscriptEntry(
        int schemaVersion,
        String eventId,
        String conversationKey,
        String endpointId,
        String phoneNumberId,
        String userId,
        String sessionId,
        TranscriptDirection direction,
        String text,
        JsonNode data,
        String inboundEventId,
        String messageId,
        Integer index,
        boolean masked,
        Instant timestamp) {

    public static final int SCHEMA_VERSION = 1;

    public TranscriptEntry {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(conversationKey, "conversationKey");
        Objects.requireNonNull(direction, "direction");
    }
}
