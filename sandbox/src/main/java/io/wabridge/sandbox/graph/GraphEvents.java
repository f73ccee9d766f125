package io.wabridge.sandbox.graph;

import java.time.Instant;

/** What the fake Graph API tells the rest of the sandbox (the chat page listens). */
public final class GraphEvents {

    private GraphEvents() {
    }

    /** The business sent {@code message} to a user. */
    public record MessageAccepted(SentMessage message) {
    }

    /** An outbound message reached {@code status} on the user's phone. */
    public record StatusReached(String messageId, String recipientId, String status, Instant at) {
    }

    /** The business marked a user message read (and, when {@code typing}, shows the typing indicator). */
    public record UserMessageRead(String messageId, boolean typing, Instant at) {
    }
}
