package io.wabridge.model.state;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Objects;

/**
 * The bot is paused for one conversation because someone else is answering on WhatsApp's side
 * ({@code docs/handover.md}, "WhatsApp's own humans"): while {@link #activeAt active}, user
 * messages do not reach the flow and wabridge sends nothing for the conversation. Kept in
 * {@link ConversationState#pause()}, so it survives restarts and rebalances.
 *
 * @param cause why it is paused
 * @param since event time of what paused it (the echo, the thread control notification, the standby copy)
 * @param until when it ends at the latest, in event time; a {@code control_passed} may end an
 *              {@link Cause#OTHER_APP} pause earlier
 */
public record BotPause(Cause cause, Instant since, Instant until) {

    public BotPause {
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(until, "until");
    }

    /** True while the pause holds for an input at {@code at} (event time). */
    public boolean activeAt(Instant at) {
        return at.isBefore(until);
    }

    /** Why the bot is paused. */
    public enum Cause {
        /** A person answered from the WhatsApp Business app ({@code smb_message_echoes}). */
        @JsonProperty("human_reply") HUMAN_REPLY,
        /** Conversation Routing gave the thread to another app ({@code control_taken}, or a {@code standby} copy). */
        @JsonProperty("other_app") OTHER_APP
    }
}
