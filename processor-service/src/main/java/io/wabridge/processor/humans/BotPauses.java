package io.wabridge.processor.humans;

import io.micrometer.core.instrument.MeterRegistry;
import io.wabridge.model.event.InboundEvent;
import io.wabridge.model.event.InboundKind;
import io.wabridge.model.settings.EndpointSettings;
import io.wabridge.model.state.BotPause;
import io.wabridge.model.state.BotPause.Cause;
import io.wabridge.model.state.ConversationState;
import java.time.Instant;

/**
 * What an echo, a thread control notification or a standby copy does to a conversation's
 * {@link BotPause}, and whether a user's own message ends one. Pauses run in event time, like
 * sessions, so a backlog after an outage neither shortens nor lengthens them.
 * Counts {@code wabridge.processor.pauses{cause, action}} ({@code started}, {@code renewed}, {@code ended}).
 */
public final class BotPauses {

    static final String CONTROL_PASSED = "control_passed";
    static final String CONTROL_TAKEN = "control_taken";
    /** The {@code data.standby} of a standby copy of the user's own message ({@code messages[]}). */
    static final String STANDBY_USER_MESSAGE = "messages";

    private final MeterRegistry meters;

    public BotPauses(MeterRegistry meters) {
        this.meters = meters;
    }

    /** What handling an event of another responder did: the state after it, and the turn's outcome name. */
    public record Change(ConversationState state, String outcome) {
    }

    /**
     * The state after an {@link InboundKind#ECHO}, {@link InboundKind#THREAD_CONTROL} or
     * {@link InboundKind#STANDBY} event at {@code at}. None of them goes to the flow or opens the
     * customer-service window, except that a standby copy of the user's own message renews it:
     * the window is the number's, whoever answers.
     */
    public Change on(InboundEvent event, ConversationState state, Instant at, EndpointSettings.HumanReplies settings) {
        return switch (event.kind()) {
            case ECHO -> settings.pause().isZero()
                    ? new Change(state, "echo")
                    : new Change(pause(state, Cause.HUMAN_REPLY, at, at.plus(settings.pause())), "echo");
            case THREAD_CONTROL -> threadControl(event, state, at, settings);
            case STANDBY -> {
                ConversationState paused = pause(state, Cause.OTHER_APP, at, at.plus(settings.routingLimit()));
                boolean usersMessage = event.data() != null && STANDBY_USER_MESSAGE.equals(event.data().path("standby").asText());
                yield new Change(usersMessage ? paused.withWindowRenewedBy(at) : paused, "standby");
            }
            default -> throw new IllegalArgumentException("not another responder's event: " + event.kind());
        };
    }

    /**
     * A user's message on the regular {@code messages} field: under Conversation Routing only the
     * thread's owner gets those (the others get standby copies), so it ends a pause for another
     * app. A pause for a person answering from the Business app holds: that person is still there.
     */
    public ConversationState onUserMessage(ConversationState state, Instant at) {
        BotPause pause = state.pauseAt(at);
        if (pause == null || pause.cause() != Cause.OTHER_APP) {
            return state;
        }
        count(Cause.OTHER_APP, "ended");
        return state.withPause(null);
    }

    /**
     * {@code control_taken} is delivered to the app the thread was taken from: wabridge lost it, the
     * bot pauses. {@code control_passed} is delivered to the app it was passed to: wabridge has it
     * again, the pause for another app ends. ({@code docs/whatsapp.md}, "Other responders".)
     */
    private Change threadControl(InboundEvent event, ConversationState state, Instant at, EndpointSettings.HumanReplies settings) {
        String type = event.messageType() == null ? "" : event.messageType();
        return switch (type) {
            case CONTROL_TAKEN -> new Change(pause(state, Cause.OTHER_APP, at, at.plus(settings.routingLimit())), "control-taken");
            case CONTROL_PASSED -> {
                BotPause pause = state.pauseAt(at);
                if (pause != null && pause.cause() == Cause.OTHER_APP) {
                    count(Cause.OTHER_APP, "ended");
                    yield new Change(state.withPause(null), "control-passed");
                }
                yield new Change(state, "control-passed");
            }
            default -> new Change(state, "thread-control-unknown");
        };
    }

    /**
     * Paused from {@code since} until {@code until}; an active pause that lasts longer is kept,
     * so a late or out-of-order notification never shortens it.
     */
    private ConversationState pause(ConversationState state, Cause cause, Instant since, Instant until) {
        BotPause current = state.pauseAt(since);
        if (current != null && !until.isAfter(current.until())) {
            return state;
        }
        count(cause, current == null ? "started" : "renewed");
        return state.withPause(new BotPause(cause, since, until));
    }

    private void count(Cause cause, String action) {
        meters.counter("wabridge.processor.pauses", "cause", wireName(cause), "action", action).increment();
    }

    static String wireName(Cause cause) {
        return cause == Cause.HUMAN_REPLY ? "human_reply" : "other_app";
    }
}
