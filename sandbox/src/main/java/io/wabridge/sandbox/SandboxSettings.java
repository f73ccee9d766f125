package io.wabridge.sandbox;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

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
 */
@ConfigurationProperties("wabridge.sandbox")
public record SandboxSettings(
        URI ingressUrl,
        String endpointId,
        String phoneNumberId,
        String displayPhoneNumber,
        String businessAccountId,
        String appSecret,
        String accessToken,
        StatusDelays statusDelays,
        Integer webhookAttempts,
        Duration botReplyDelay,
        Integer maxMessagesPerUser) {

    public SandboxSettings {
        ingressUrl = ingressUrl == null ? URI.create("http://localhost:8080") : ingressUrl;
        endpointId = orDefault(endpointId, "demo");
        phoneNumberId = orDefault(phoneNumberId, "100000000000001");
        displayPhoneNumber = orDefault(displayPhoneNumber, "15550000001");
        businessAccountId = orDefault(businessAccountId, "100000000000002");
        appSecret = orDefault(appSecret, "sandbox-app-secret");
        accessToken = orDefault(accessToken, "sandbox-access-token");
        statusDelays = statusDelays == null ? new StatusDelays(null, null, null) : statusDelays;
        webhookAttempts = webhookAttempts == null || webhookAttempts < 1 ? 3 : webhookAttempts;
        botReplyDelay = botReplyDelay == null || botReplyDelay.isNegative() ? Duration.ZERO : botReplyDelay;
        maxMessagesPerUser = maxMessagesPerUser == null || maxMessagesPerUser < 1 ? 200 : maxMessagesPerUser;
    }

    /** {@code {ingressUrl}/webhooks/whatsapp/{endpointId}}: where Meta would deliver this endpoint's webhooks. */
    public URI webhookUri() {
        String base = ingressUrl.toString().replaceAll("/+$", "");
        return URI.create(base + "/webhooks/whatsapp/" + endpointId);
    }

    /** Offsets from the moment a message was accepted; each status waits for the previous one to be delivered. */
    public record StatusDelays(Duration sent, Duration delivered, Duration read) {
        public StatusDelays {
            sent = sent == null ? Duration.ofMillis(100) : sent;
            delivered = delivered == null ? Duration.ofMillis(300) : delivered;
            read = read == null ? Duration.ofMillis(1200) : read;
        }
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    /** Even sandbox secrets stay out of logs: a copied config may hold real ones. */
    @Override
    public String toString() {
        return "SandboxSettings[ingressUrl=" + ingressUrl + ", endpointId=" + endpointId
                + ", phoneNumberId=" + phoneNumberId + ", displayPhoneNumber=" + displayPhoneNumber
                + ", businessAccountId=" + businessAccountId + ", appSecret=***, accessToken=***"
                + ", statusDelays=" + statusDelays + ", webhookAttempts=" + webhookAttempts
                + ", botReplyDelay=" + botReplyDelay + ", maxMessagesPerUser=" + maxMessagesPerUser + "]";
    }
}
