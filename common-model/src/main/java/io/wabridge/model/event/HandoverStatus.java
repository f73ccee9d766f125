package io.wabridge.model.event;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where a handover to human agents is in its lifecycle: {@code requested → queued → active →
 * ended}. {@code queued} and {@code active} may be skipped (a provider that connects at once), and
 * every open status may end. {@code docs/handover.md} describes each transition.
 */
public enum HandoverStatus {
    /** Asked for (by the flow, the API or a command); the provider has not answered yet. */
    @JsonProperty("requested") REQUESTED,
    /** The provider took it and the user waits for an agent; a queue position may be known. */
    @JsonProperty("queued") QUEUED,
    /** An agent has the conversation. */
    @JsonProperty("active") ACTIVE,
    /** Over: the reason says how. The flow has the conversation again. */
    @JsonProperty("ended") ENDED;

    /** True while the handover holds the conversation (the flow is paused). */
    public boolean open() {
        return this != ENDED;
    }
}
