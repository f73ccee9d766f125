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
    @JsonProperty("handover") HANDOVER,
    /**
     * Written by the processor, keyed on a conversation's phone-number key of earlier versions:
     * the business-scoped conversation in {@code data.claimant} asks for its state (docs/events.md,
     * "Conversation key").
     */
    @JsonProperty("identity_claim") IDENTITY_CLAIM,
    /**
     * Written by the processor, keyed on the conversation that continues another: its state
     * ({@code data.state}, null when there was none) and the inputs to handle after it ({@code data.inputs}).
     */
    @JsonProperty("identity_transfer") IDENTITY_TRANSFER;

    /** Kinds the processor writes to itself, never ingress. */
    public boolean internal() {
        return this == IDENTITY_CLAIM || this == IDENTITY_TRANSFER;
    }
}
