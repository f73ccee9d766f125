package io.wabridge.model.event;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a handover ended; the flow receives it as {@code data.handover.status}. */
public enum HandoverEndReason {
    /** The agent side finished it. */
    @JsonProperty("completed") COMPLETED,
    /** The user (cancel keyword) or an API call cancelled it. */
    @JsonProperty("cancelled") CANCELLED,
    /** Neither user nor agent wrote for the endpoint's {@code handover.inactivity-timeout}. */
    @JsonProperty("timeout") TIMEOUT,
    /** The provider could not be reached, retries included. */
    @JsonProperty("error") ERROR;

    /** The wire name ({@code completed}…). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The reason with this wire name, case-insensitive. */
    public static Optional<HandoverEndReason> of(String name) {
        return name == null ? Optional.empty()
                : Arrays.stream(values()).filter(reason -> reason.wireName().equalsIgnoreCase(name.trim())).findFirst();
    }
}
