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
     * Written by the processor, keyed on the key a conversation continues (the phone-number key of
     * earlier versions, or the user's previous identity): the conversation in {@code data.claimant}
     * asks for its state (docs/events.md, "Conversation key").
     */
    @JsonProperty("identity_claim") IDENTITY_CLAIM,
    /**
     * Written by the processor, keyed on the conversation that continues another: its state
     * ({@code data.state}, null when there was none).
     */
    @JsonProperty("identity_transfer") IDENTITY_TRANSFER,
    /**
     * A message a person sent from the WhatsApp Business app on a coexistence number
     * ({@code smb_message_echoes}): a human is answering; never goes to the flow.
     */
    @JsonProperty("echo") ECHO,
    /**
     * Conversation Routing moved the thread ({@code messaging_handovers}): {@code messageType} is
     * {@code control_passed} (passed to this app) or {@code control_taken} (taken from it).
     */
    @JsonProperty("thread_control") THREAD_CONTROL,
    /**
     * A copy of activity on a thread another app owns ({@code standby}): a user message or the other
     * app's message; never goes to the flow, nothing is sent.
     */
    @JsonProperty("standby") STANDBY;

    /** Kinds the processor writes to itself, never ingress. */
    public boolean internal() {
        return this == IDENTITY_CLAIM || this == IDENTITY_TRANSFER;
    }
}
