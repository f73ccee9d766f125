package io.wabridge.model.event;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Who reported a {@link StatusEvent}. */
public enum StatusSource {
    /** Meta's status webhook, through ingress. */
    @JsonProperty("webhook") WEBHOOK,
    /** Egress, from the outcome of its own Graph API call. */
    @JsonProperty("egress") EGRESS
}
