package io.wabridge.model.state;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.JsonNode;
import io.wabridge.model.event.HandoverEndReason;
import io.wabridge.model.event.HandoverStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The conversation's handover to human agents (the latest one; an ended one stays until the next
 * starts, so a late agent message for it is recognised). Part of {@link ConversationState}, so it
 * moves, survives and is restored with the conversation.
 *
 * @param id            the handover's id, derived from the event that started it
 * @param endpointId    the endpoint, and {@code userId} the user, of the conversation (its inactivity timer needs both)
 * @param status        where it is ({@code requested → queued → active → ended})
 * @param reason        once ended: how
 * @param provider      the provider that has it ({@code kafka}…)
 * @param source        who started it: {@code bot}, {@code api}
 * @param startedAt     when it was requested
 * @param lastActivity  the last user or agent message (or the start): the inactivity timeout counts from it
 * @param warned        the inactivity warning was sent since {@code lastActivity}
 * @param queuePosition the user's place in the queue, when the provider told it
 * @param forwarded     how many user messages went to the agent side; the next one's sequence is this + 1
 * @param providerData  the provider-specific fields of the start, given to the provider on every call
 * @param providerRef   the provider's own id of the handover (e.g. the Chatwoot conversation id), once it told one
 */
public record HandoverState(
        String id,
        String endpointId,
        String userId,
        HandoverStatus status,
        HandoverEndReason reason,
        String provider,
        String source,
        Instant startedAt,
        Instant lastActivity,
        boolean warned,
        Integer queuePosition,
        long forwarded,
        JsonNode providerData,
        String providerRef) {

    @JsonCreator // the canonical constructor reads the state, not the shorter one below
    public HandoverState {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
    }

    /** A handover without a provider reference (kept so callers from before {@code providerRef} compile). */
    public HandoverState(String id, String endpointId, String userId, HandoverStatus status, HandoverEndReason reason, String provider,
                         String source, Instant startedAt, Instant lastActivity, boolean warned, Integer queuePosition, long forwarded,
                         JsonNode providerData) {
        this(id, endpointId, userId, status, reason, provider, source, startedAt, lastActivity, warned, queuePosition, forwarded,
                providerData, null);
    }

    /** A new handover, {@code requested}. */
    public static HandoverState requested(String id, String endpointId, String userId, String provider, String source, Instant at,
                                          JsonNode providerData) {
        return new HandoverState(id, endpointId, userId, HandoverStatus.REQUESTED, null, provider, source, at, at, false, null, 0, providerData);
    }

    public boolean open() {
        return status.open();
    }

    public HandoverState queued(Integer position) {
        return new HandoverState(id, endpointId, userId, HandoverStatus.QUEUED, null, provider, source, startedAt, lastActivity, warned, position,
                forwarded, providerData, providerRef);
    }

    public HandoverState active() {
        return new HandoverState(id, endpointId, userId, HandoverStatus.ACTIVE, null, provider, source, startedAt, lastActivity, warned, null,
                forwarded, providerData, providerRef);
    }

    public HandoverState ended(HandoverEndReason why) {
        return new HandoverState(id, endpointId, userId, HandoverStatus.ENDED, why, provider, source, startedAt, lastActivity, warned, null,
                forwarded, providerData, providerRef);
    }

    /** After a user or agent message at {@code at}: the inactivity timer starts again. */
    public HandoverState activeAt(Instant at) {
        Instant latest = lastActivity == null || at.isAfter(lastActivity) ? at : lastActivity;
        return new HandoverState(id, endpointId, userId, status, reason, provider, source, startedAt, latest, false, queuePosition, forwarded,
                providerData, providerRef);
    }

    /** After forwarding one more user message. */
    public HandoverState forwardedOne() {
        return new HandoverState(id, endpointId, userId, status, reason, provider, source, startedAt, lastActivity, warned, queuePosition,
                forwarded + 1, providerData, providerRef);
    }

    /** After the provider told its own id of the handover. */
    public HandoverState withProviderRef(String ref) {
        return new HandoverState(id, endpointId, userId, status, reason, provider, source, startedAt, lastActivity, warned, queuePosition,
                forwarded, providerData, ref);
    }

    public HandoverState warnedOfInactivity() {
        return new HandoverState(id, endpointId, userId, status, reason, provider, source, startedAt, lastActivity, true, queuePosition, forwarded,
                providerData, providerRef);
    }

    /** When the inactivity timeout ends it ({@code timeout} zero = never): null when it never does. */
    public Instant timesOutAt(Duration timeout) {
        return timeout.isZero() || !open() || lastActivity == null ? null : lastActivity.plus(timeout);
    }
}
