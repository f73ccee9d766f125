package io.wabridge.model.event;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What an {@link InboundEvent} asks the processor to do. */
public enum InboundKind {
    /** A message the user sent on WhatsApp: goes to the flow. */
    @JsonProperty("message") MESSAGE,
    /** Inject API: text/data into the flow as if the user had sent it. */
    @JsonProperty("inject") INJECT,
    /** Notify API: text/data straight to the user, no flow. */
    @JsonProperty("notify") NOTIFY,
    /** A human agent's reply during a handover: straight to the user. */
    @JsonProperty("agent_reply") AGENT_REPLY,
    /** Start or end a handover for the conversation. */
    @JsonProperty("handover") HANDOVER
}
