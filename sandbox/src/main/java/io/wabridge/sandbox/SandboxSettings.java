package io.wabridge.sandbox;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code wabridge.sandbox.*}: who the sandbox pretends to be and where it delivers webhooks. The
 * defaults match the demo endpoint of the local runner, so nothing needs setting on a laptop.
 *
 * @param ingressUrl            base URL of ingress-service; webhooks go to {@code {ingressUrl}/webhooks/whatsapp/{endpointId}}
 * @param endpointId            the wabridge endpoint the webhooks are addressed to
 * @param phoneNumberId         the business phone number id the fake Graph API accepts sends for
 * @param displayPhoneNumber    the business number shown in webhook metadata and as {@code context.from}
 * @param businessAccountId     the WABA id used as {@code entry[].id}
 * @param appSecret             signs every webhook ({@code X-Hub-Signature-256}) and checks {@code appsecret_proof}
 * @param accessToken           the bearer token the fake Graph API expects
 * @param statusDelays          when {@code sent}, {@code delivered} and {@code read} follow an accepted message
 * @param webhookAttempts       how often a status webhook is tried before it is given up (logged)
 * @param botReplyDelay         how long the demo bot "thinks" before it answers (simulates Cognigy latency)
 * @param maxMessagesPerUser    how many messages per user the sandbox remembers for the chat page
 * @param agentDesk             the agent panel, which plays an agent desk of the {@code kafka} handover provider
 */
@ConfigurationProperties("wabridge.sandbox")
public record SandboxSettings(
        @DefaultValue("http://localhost:8080") URI ingressUrl,
        @DefaultValue("demo") String endpointId,
        @DefaultValue("100000000000001") String phoneNumberId,
        @DefaultValue("15550000001") String displayPhoneNumber,
        @DefaultValue("100000000000002") String businessAccountId,
        @DefaultValue("sandbox-app-secret") String appSecret,
        @DefaultValue("sandbox-access-token") String accessToken,
        @DefaultValue StatusDelays statusDelays,
        @DefaultValue("3") int webhookAttempts,
        @DefaultValue("0ms") Duration botReplyDelay,
        @DefaultValue("200") int maxMessagesPerUser,
        @DefaultValue AgentDesk agentDesk) {

    public SandboxSettings {
        if (webhookAttempts < 1) {
            throw new IllegalArgumentException("wabridge.sandbox.webhook-attempts must be at least 1 but was " + webhookAttempts);
        }
        if (botReplyDelay.isNegative()) {
            throw new IllegalArgumentException("wabridge.sandbox.bot-reply-delay must not be negative but was " + botReplyDelay);
        }
        if (maxMessagesPerUser < 1) {
            throw new IllegalArgumentException("wabridge.sandbox.max-messages-per-user must be at least 1 but was " + maxMessagesPerUser);
        }
    }

    /** {@code {ingressUrl}/webhooks/whatsapp/{endpointId}}: where Meta would deliver this endpoint's webhooks. */
    public URI webhookUri() {
        String base = ingressUrl.toString().replaceAll("/+$", "");
        return URI.create(base + "/webhooks/whatsapp/" + endpointId);
    }

    /**
     * Offsets from the moment a message was accepted; each status waits for the previous one to be delivered.
     *
     * @param sent      when the message becomes {@code sent}
     * @param delivered when it becomes {@code delivered}
     * @param read      when it becomes {@code read}
     */
    public record StatusDelays(
            @DefaultValue("100ms") Duration sent,
            @DefaultValue("300ms") Duration delivered,
            @DefaultValue("1200ms") Duration read) {
    }

    /**
     * The agent panel's backend: it reads the handover topic and answers through ingress's handover API.
     *
     * @param enabled          read the handover topic from the broker of {@code spring.kafka.*}; off = the agent panel is off
     * @param topic            the handover topic ({@code wabridge.topics.handover} of the services)
     * @param apiKey           the endpoint's API key ({@code wabridge.endpoints.<id>.api-key}) for ingress's handover API
     */
    public record AgentDesk(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("whatsapp.handover") String topic,
            String apiKey) {

        @Override
        public String toString() {
            return "AgentDesk[enabled=" + enabled + ", topic=" + topic + ", apiKey=" + (apiKey == null ? "none" : "***") + "]";
        }
    }

    /** Even sandbox secrets stay out of logs: a copied config may hold real ones. */
    @Override
    public String toString() {
        return "SandboxSettings[ingressUrl=" + ingressUrl + ", endpointId=" + endpointId
                + ", phoneNumberId=" + phoneNumberId + ", displayPhoneNumber=" + displayPhoneNumber
                + ", businessAccountId=" + businessAccountId + ", appSecret=***, accessToken=***"
                + ", statusDelays=" + statusDelays + ", webhookAttempts=" + webhookAttempts
                + ", botReplyDelay=" + botReplyDelay + ", maxMessagesPerUser=" + maxMessagesPerUser
                + ", agentDesk=" + agentDesk + "]";
    }
}
