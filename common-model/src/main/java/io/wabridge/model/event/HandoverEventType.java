package io.wabridge.model.event;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a {@link HandoverEvent} reports. */
public enum HandoverEventType {
    /** A lifecycle transition: the handover's {@code status} (and {@code reason} once ended) after it. */
    @JsonProperty("status") STATUS,
    /** A message the user sent while the handover was open, for the agent side. */
    @JsonProperty("user_message") USER_MESSAGE
}
