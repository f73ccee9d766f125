package io.wabridge.model.state;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.wabridge.model.event.HandoverStatus;
import io.wabridge.model.event.InboundEvent;
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
 * @param handover         a human agent has the conversation: user messages do not go to the flow
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
 * @param identity         who the user is as far as their webhooks told ({@link UserIdentity}); absent
 *                         in state written before version 2, see {@link #identityFor(String)}
 * @param movedTo          the conversation key this conversation moved to (an identity change, or
 *                         its state claimed by the business-scoped key after an upgrade): every
 *                         input that still arrives here is forwarded there; null = not moved
 * @param parked           inputs waiting, oldest first, for the answer to this conversation's
 *                         claim on its old key's state ({@code docs/events.md}, "Conversation key");
 *                         empty when no claim is pending
 * @param pause            the bot is paused because a human or another app answers on WhatsApp's side,
 *                         or null; absent in state written before pauses existed (not paused)
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
        UserIdentity identity,
        String movedTo,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<InboundEvent> parked,
        BotPause pause,
        HandoverState handoverState) {

    /** 2: {@link #identity}, {@link #movedTo}, {@link #parked}, {@link #pause} and {@link #handoverState}; state of version 1 reads as it was. */
    public static final int SCHEMA_VERSION = 2;
    /** How long a user message keeps the customer-service window open. */
    public static final Duration SERVICE_WINDOW = Duration.ofHours(24);
    /** The id of a handover started by a build before the lifecycle existed (only the flag is known). */
    public static final String LEGACY_HANDOVER_ID = "legacy";
    public static final ConversationState NEW = of(null, null, List.of(), false, -1);

    public ConversationState {
        // State written before the value carried its version had it only in the header, as 1.
        schemaVersion = schemaVersion == 0 ? 1 : schemaVersion;
        recentMessageIds = recentMessageIds == null ? List.of() : List.copyOf(recentMessageIds);
        parked = parked == null ? List.of() : List.copyOf(parked);
        // The flag older builds read: set while the lifecycle is open.
        handover = handoverState != null ? handoverState.open() : handover;
    }

    /** A state without session storage. */
    public static ConversationState of(String sessionId, Instant lastActivity, List<String> recentMessageIds,
                                       boolean handover, long lastOffset) {
        return new ConversationState(SCHEMA_VERSION, sessionId, lastActivity, recentMessageIds, handover, lastOffset, null, null, null,
                null, null, List.of(), null, null);
    }

    /** True when nothing is known of the conversation: no turn was ever committed for it (or it was forgotten). */
    @JsonIgnore
    public boolean isNew() {
        return sessionId == null && identity == null && movedTo == null && parked.isEmpty() && recentMessageIds.isEmpty()
                && lastOffset < 0;
    }

    /** True when this record (or a redelivery of the same message) was handled already. */
    public boolean alreadyHandled(String messageId, long offset) {
        return alreadyHandled(messageId, offset, false);
    }

    /**
     * As {@link #alreadyHandled(String, long)}; a {@code forced} record (replayed with
     * {@code replay-force}) skips the message id check, never the offset check that guards crash recovery.
     * A parked input counts as handled: a redelivery while it waits must not be parked twice.
     */
    public boolean alreadyHandled(String messageId, long offset, boolean forced) {
        return offset <= lastOffset || (!forced && remembers(messageId));
    }

    /** True when {@code messageId} was handled recently or waits among the parked inputs. */
    public boolean remembers(String messageId) {
        return messageId != null && (recentMessageIds.contains(messageId)
                || parked.stream().anyMatch(input -> messageId.equals(input.messageId() != null ? input.messageId() : input.eventId())));
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
        Draft next = draft();
        next.sessionId = session;
        next.lastActivity = lastActivity == null || at.isAfter(lastActivity) ? at : lastActivity;
        next.recentMessageIds = remembered(recentMessageIds, messageId, window);
        next.lastOffset = Math.max(offset, lastOffset);
        return next.build();
    }

    /** Remembers a handled input that is not user activity (notify, agent reply, handover). */
    public ConversationState remember(String messageId, long offset, int window) {
        Draft next = draft();
        next.recentMessageIds = remembered(recentMessageIds, messageId, window);
        next.lastOffset = Math.max(offset, lastOffset);
        return next.build();
    }

    private static List<String> remembered(List<String> ids, String messageId, int window) {
        List<String> next = new ArrayList<>(ids);
        if (messageId != null && !next.contains(messageId)) {
            next.add(messageId);
        }
        while (next.size() > window) {
            next.remove(0);
        }
        return next;
    }

    /** The plain flag of builds before the lifecycle (a {@code handover} command's {@code data.active}); clears the lifecycle. */
    public ConversationState withHandover(boolean active) {
        Draft next = draft();
        next.handover = active;
        next.handoverState = null;
        return next.build();
    }

    public ConversationState withHandoverState(HandoverState state) {
        Draft next = draft();
        next.handoverState = state;
        return next.build();
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
        Draft next = draft();
        next.sessionStorage = storage;
        return next.build();
    }

    /**
     * The window renewed by a user message at {@code messageAt} (event time): open until 24 h
     * after it, never moved backwards by a message that arrives late.
     */
    public ConversationState withWindowRenewedBy(Instant messageAt) {
        Instant until = messageAt.plus(SERVICE_WINDOW);
        Instant current = serviceWindowUntil();
        Draft next = draft();
        next.windowOpenUntil = current != null && current.isAfter(until) ? current : until;
        return next.build();
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
        Draft next = draft();
        next.userLanguage = language;
        return next.build();
    }

    /** The state with the bot paused by {@code next}, or no longer paused ({@code null}). */
    public ConversationState withPause(BotPause next) {
        Draft draft = draft();
        draft.pause = next;
        return draft.build();
    }

    /** The pause that holds for an input at {@code at}, or null when the bot may answer. */
    public BotPause pauseAt(Instant at) {
        return pause != null && pause.activeAt(at) ? pause : null;
    }

    /**
     * Who the user of the conversation keyed {@code conversationKey} is. State written before
     * version 2 knew the user only by the key: its user id (a phone number then) is the id the
     * flow has always seen, and stays so.
     */
    public UserIdentity identityFor(String conversationKey) {
        if (identity != null) {
            return identity;
        }
        return isNew() ? null : UserIdentity.ofLegacyKey(conversationKey);
    }

    public ConversationState withIdentity(UserIdentity known) {
        Draft next = draft();
        next.identity = known;
        return next.build();
    }

    /**
     * What stays of a conversation whose state moved to {@code to}: where it went, and the offset,
     * so a replay of what it handled is still a replay. Everything else travels.
     */
    public ConversationState movedTo(String to) {
        return new ConversationState(SCHEMA_VERSION, null, null, List.of(), false, lastOffset, null, null, null, null, to, List.of(),
                null, null);
    }

    /** The state with {@code input} (handled at {@code offset}) waiting for the claim's answer. */
    public ConversationState withParked(InboundEvent input, long offset) {
        List<InboundEvent> waiting = new ArrayList<>(parked);
        waiting.add(input);
        Draft next = draft();
        next.parked = waiting;
        next.lastOffset = Math.max(offset, lastOffset);
        return next.build();
    }

    /** The state with no inputs waiting: the claim was answered. */
    public ConversationState withoutParked() {
        Draft next = draft();
        next.parked = List.of();
        return next.build();
    }

    /**
     * This conversation with {@code moved} (the state of the conversation it continues) taken
     * over: session, handover, window, language, transformer storage and the flow's user id come
     * from {@code moved} where it has them; message ids of both are remembered, so a message
     * handled under the old key is still a duplicate here. Offsets are per partition: this
     * conversation's own {@code lastOffset} stays. The parked inputs are left for the caller.
     */
    public ConversationState adopting(ConversationState moved, int window) {
        Draft next = draft();
        next.sessionId = moved.sessionId != null ? moved.sessionId : sessionId;
        next.lastActivity = later(lastActivity, moved.lastActivity);
        List<String> ids = new ArrayList<>(moved.recentMessageIds);
        recentMessageIds.stream().filter(id -> !ids.contains(id)).forEach(ids::add);
        while (ids.size() > window) {
            ids.remove(0);
        }
        next.recentMessageIds = ids;
        next.handover = handover || moved.handover;
        next.handoverState = moved.openHandover() != null && handoverState == null ? moved.handoverState : handoverState;
        next.sessionStorage = moved.sessionStorage != null ? moved.sessionStorage : sessionStorage;
        next.windowOpenUntil = later(serviceWindowUntil(), moved.serviceWindowUntil());
        next.userLanguage = moved.userLanguage != null ? moved.userLanguage : userLanguage;
        next.identity = identity == null ? moved.identity : identity.continuing(moved.identity);
        next.pause = pause != null ? pause : moved.pause;
        next.movedTo = null;
        return next.build();
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    private Draft draft() {
        return new Draft(this);
    }

    /** A copy to change: each wither names only what it changes, so a new field touches one place. */
    private static final class Draft {
        String sessionId;
        Instant lastActivity;
        List<String> recentMessageIds;
        boolean handover;
        long lastOffset;
        JsonNode sessionStorage;
        Instant windowOpenUntil;
        UserLanguage userLanguage;
        UserIdentity identity;
        String movedTo;
        List<InboundEvent> parked;
        BotPause pause;
        HandoverState handoverState;

        Draft(ConversationState from) {
            sessionId = from.sessionId;
            lastActivity = from.lastActivity;
            recentMessageIds = from.recentMessageIds;
            handover = from.handover;
            lastOffset = from.lastOffset;
            sessionStorage = from.sessionStorage;
            windowOpenUntil = from.windowOpenUntil;
            userLanguage = from.userLanguage;
            identity = from.identity;
            movedTo = from.movedTo;
            parked = from.parked;
            pause = from.pause;
            handoverState = from.handoverState;
        }

        ConversationState build() {
            return new ConversationState(SCHEMA_VERSION, sessionId, lastActivity, recentMessageIds, handover, lastOffset,
                    sessionStorage, windowOpenUntil, userLanguage, identity, movedTo, parked, pause, handoverState);
        }
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
