package io.wabridge.model.state;

import com.fasterxml.jackson.databind.JsonNode;
import io.wabridge.model.event.HandoverStatus;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What the processor remembers about one conversation; the value of the compacted
 * {@code whatsapp.conversations} changelog topic (key: conversation key).
 *
 * @param schemaVersion    {@link #SCHEMA_VERSION} when written by this build; absent (0) in state
 *                         written before the value carried it, which was version 1 by its header
 * @param sessionId        the Cognigy session the conversation is in
 * @param lastActivity     event time of the last handled input; sessions expire relative to it
 * @param recentMessageIds the last handled message ids (wamid, else event id), oldest first, bounded
 * @param handover         a handover to human agents is open: user messages do not go to the flow
 *                         (the flag of builds before {@code handoverState}; kept in step with it)
 * @param lastOffset       offset on the inbound partition of the last handled record; a replay
 *                         after a crash skips everything up to it, whatever the dedupe window holds
 * @param sessionStorage   the transformers' session storage ({@code getSessionStorage}):
 *                         {@code {userId, sessionId, value}}, or null when no transformer stored
 *                         anything; absent in state written before transformers existed
 * @param windowOpenUntil  when the customer-service window closes: 24 h after the event time of
 *                         the last user message ({@code docs/whatsapp.md}, "Limits"); absent in
 *                         state written before the window was tracked, see {@link #serviceWindowUntil()}
 * @param userLanguage     the user's language as real-time translation detected (or was told) it,
 *                         or null; absent in state written before translation existed
 * @param handoverState    the conversation's latest handover to human agents and where it is, or
 *                         null; absent in state written before the lifecycle existed, where
 *                         {@code handover} alone meant "an agent has it" (see {@link #openHandover()}).
 *                         While it is open, {@code handover} is true, so an older build still pauses the flow
 */
public record ConversationState(
        int schemaVersion,
        String sessionId,
        Instant lastActivity,
        List<String> recentMessageIds,
        boolean handover,
        long lastOffset,
        JsonNode sessionStorage,
        Instant windowOpenUntil,
        UserLanguage userLanguage,
        HandoverState handoverState) {

    public static final int SCHEMA_VERSION = 1;
    /** How long a user message keeps the customer-service window open. */
    public static final Duration SERVICE_WINDOW = Duration.ofHours(24);
    /** The id of a handover started by a build before the lifecycle existed (only the flag is known). */
    public static final String LEGACY_HANDOVER_ID = "legacy";
    public static final ConversationState NEW = of(null, null, List.of(), false, -1);

    public ConversationState {
        // State written before the value carried its version had it only in the header, as 1.
        schemaVersion = schemaVersion == 0 ? 1 : schemaVersion;
        recentMessageIds = recentMessageIds == null ? List.of() : List.copyOf(recentMessageIds);
        // The flag older builds read: set while the lifecycle is open.
        handover = handoverState != null ? handoverState.open() : handover;
    }

    /** A state without session storage. */
    public static ConversationState of(String sessionId, Instant lastActivity, List<String> recentMessageIds,
                                       boolean handover, long lastOffset) {
        return new ConversationState(SCHEMA_VERSION, sessionId, lastActivity, recentMessageIds, handover, lastOffset, null, null, null, null);
    }

    /** True when this record (or a redelivery of the same message) was handled already. */
    public boolean alreadyHandled(String messageId, long offset) {
        return alreadyHandled(messageId, offset, false);
    }

    /**
     * As {@link #alreadyHandled(String, long)}; a {@code forced} record (replayed with
     * {@code replay-force}) skips the message id check, never the offset check that guards crash recovery.
     */
    public boolean alreadyHandled(String messageId, long offset, boolean forced) {
        return offset <= lastOffset || (!forced && messageId != null && recentMessageIds.contains(messageId));
    }

    /**
     * The session an input at {@code at} belongs to: the current one unless it is missing or has
     * been inactive longer than {@code expiration} (zero = never expires). A new session id is
     * derived from the event id, so a replay of the same turn names the same session.
     */
    public String sessionFor(Instant at, Duration expiration, String eventId) {
        boolean expired = sessionId == null
                || (!expiration.isZero() && lastActivity != null && at.isAfter(lastActivity.plus(expiration)));
        if (!expired) {
            return sessionId;
        }
        return UUID.nameUUIDFromBytes(("session\u0000" + eventId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The state after handling the input at {@code offset}; {@code messageId} null = not remembered. */
    public ConversationState afterTurn(String session, Instant at, String messageId, long offset, int window) {
        List<String> ids = new ArrayList<>(recentMessageIds);
        if (messageId != null && !ids.contains(messageId)) {
            ids.add(messageId);
        }
        while (ids.size() > window) {
            ids.remove(0);
        }
        Instant activity = lastActivity == null || at.isAfter(lastActivity) ? at : lastActivity;
        return new ConversationState(SCHEMA_VERSION, session, activity, ids, handover, Math.max(offset, lastOffset), sessionStorage,
                windowOpenUntil, userLanguage, handoverState);
    }

    /** Remembers a handled input that is not user activity (notify, agent reply, handover). */
    public ConversationState remember(String messageId, long offset, int window) {
        Instant activity = lastActivity;
        ConversationState after = afterTurn(sessionId, Instant.EPOCH, messageId, offset, window);
        return new ConversationState(SCHEMA_VERSION, sessionId, activity, after.recentMessageIds(), handover, after.lastOffset(),
                sessionStorage, windowOpenUntil, userLanguage, handoverState);
    }

    /** The plain flag of builds before the lifecycle (a {@code handover} command's {@code data.active}); clears the lifecycle. */
    public ConversationState withHandover(boolean active) {
        return new ConversationState(SCHEMA_VERSION, sessionId, lastActivity, recentMessageIds, active, lastOffset, sessionStorage,
                windowOpenUntil, userLanguage, null);
    }

    public ConversationState withHandoverState(HandoverState state) {
        return new ConversationState(SCHEMA_VERSION, sessionId, lastActivity, recentMessageIds, handover, lastOffset, sessionStorage,
                windowOpenUntil, userLanguage, state);
    }

    /**
     * The open handover, or null. State written before the lifecycle existed has only the flag:
     * a set flag is an {@code active} handover of an unknown provider, id {@code legacy}.
     */
    public HandoverState openHandover() {
        if (handoverState != null) {
            return handoverState.open() ? handoverState : null;
        }
        return handover ? new HandoverState(LEGACY_HANDOVER_ID, null, null, HandoverStatus.ACTIVE, null, null, null,
                lastActivity, lastActivity, false, null, 0, null) : null;
    }

    public ConversationState withSessionStorage(JsonNode storage) {
        return new ConversationState(SCHEMA_VERSION, sessionId, lastActivity, recentMessageIds, handover, lastOffset, storage,
                windowOpenUntil, userLanguage, handoverState);
    }

    /**
     * The window renewed by a user message at {@code messageAt} (event time): open until 24 h
     * after it, never moved backwards by a message that arrives late.
     */
    public ConversationState withWindowRenewedBy(Instant messageAt) {
        Instant until = messageAt.plus(SERVICE_WINDOW);
        Instant current = serviceWindowUntil();
        Instant renewed = current != null && current.isAfter(until) ? current : until;
        return new ConversationState(SCHEMA_VERSION, sessionId, lastActivity, recentMessageIds, handover, lastOffset, sessionStorage,
                renewed, userLanguage, handoverState);
    }

    /**
     * When the customer-service window closes, or null when no user message is known (closed).
     * State written before the window was tracked has no {@code windowOpenUntil}: its
     * {@code lastActivity} (the last user input) plus 24 h stands in, so an upgrade neither
     * closes open windows nor opens closed ones.
     */
    public Instant serviceWindowUntil() {
        if (windowOpenUntil != null) {
            return windowOpenUntil;
        }
        return lastActivity == null ? null : lastActivity.plus(SERVICE_WINDOW);
    }

    /** True when a free-form (non-template) message may go at {@code at}. */
    public boolean serviceWindowOpenAt(Instant at) {
        Instant until = serviceWindowUntil();
        return until != null && at.isBefore(until);
    }

    public ConversationState withUserLanguage(UserLanguage language) {
        return new ConversationState(SCHEMA_VERSION, sessionId, lastActivity, recentMessageIds, handover, lastOffset, sessionStorage, windowOpenUntil,
                language, handoverState);
    }

    /**
     * The user's language for real-time translation.
     *
     * @param code       the language code (as the provider names it, e.g. {@code de})
     * @param detections how many inputs it was detected from so far; detection stops at the endpoint's {@code detect-on-first}
     */
    public record UserLanguage(String code, int detections) {
    }
}
