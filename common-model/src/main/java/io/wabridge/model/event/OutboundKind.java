package io.wabridge.model.event;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What egress does with an {@link OutboundMessage}. */
public enum OutboundKind {
    /** Send {@code message} to the recipient. */
    @JsonProperty("message") MESSAGE,
    /** Mark the user's message {@code replyTo} as read. */
    @JsonProperty("mark_read") MARK_READ,
    /** Mark {@code replyTo} as read and show a typing indicator (until the next message or 25 s). */
    @JsonProperty("typing") TYPING
}
