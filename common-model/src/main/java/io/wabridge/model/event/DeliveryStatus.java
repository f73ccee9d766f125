package io.wabridge.model.event;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The life of an outbound message. {@code ACCEPTED} is egress's own (Graph answered 200); the
 * others come from Meta's status webhooks, except {@code FAILED}, which both can report.
 */
public enum DeliveryStatus {
    @JsonProperty("accepted") ACCEPTED,
    @JsonProperty("sent") SENT,
    @JsonProperty("delivered") DELIVERED,
    @JsonProperty("read") READ,
    @JsonProperty("played") PLAYED,
    @JsonProperty("failed") FAILED,
    /** A status Meta added after this version; the original item is kept on the event. */
    @JsonEnumDefaultValue @JsonProperty("unknown") UNKNOWN;

    /** True once the user's phone has the message ({@code delivered}, {@code read} or {@code played}). */
    public boolean reachedPhone() {
        return this == DELIVERED || this == READ || this == PLAYED;
    }
}
