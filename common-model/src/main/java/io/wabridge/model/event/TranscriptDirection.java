package io.wabridge.model.event;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Who said a {@link TranscriptEntry}. */
public enum TranscriptDirection {
    /** The user (or an inject, which the flow sees as user input). */
    @JsonProperty("user") USER,
    /** The flow's output, or a notify sent straight to the user. */
    @JsonProperty("bot") BOT,
    /** A human agent's reply during a handover. */
    @JsonProperty("agent") AGENT
}
