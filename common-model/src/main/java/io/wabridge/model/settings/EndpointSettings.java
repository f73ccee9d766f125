package io.wabridge.model.settings;

import java.time.Duration;

/**
 * One WhatsApp endpoint: a phone number connected to one Cognigy flow.
 *
 * @param appId         Meta App ID
 * @param accessToken   Graph API access token
 * @param phoneNumberId the sending number, and the routing key of incoming webhooks
 * @param verifyToken   must match the token in Meta's dashboard for the webhook handshake
 * @param appSecret     optional; enables {@code X-Hub-Signature-256} checks and {@code appsecret_proof}
 * @param messageDelay  gap between two consecutive replies to one user (default 0)
 * @param cognigy       the Cognigy REST Endpoint this endpoint talks to
 * @param session       session handling
 */
public record EndpointSettings(
        String appId,
        Secret accessToken,
        String phoneNumberId,
        Secret verifyToken,
        Secret appSecret,
        Duration messageDelay,
        Cognigy cognigy,
        Session session) {

    public EndpointSettings {
        messageDelay = messageDelay == null ? Duration.ZERO : messageDelay;
        cognigy = cognigy == null ? new Cognigy(null, null) : cognigy;
        session = session == null ? new Session(null) : session;
        if (messageDelay.isNegative()) {
            throw new IllegalArgumentException("message-delay must not be negative but was " + messageDelay);
        }
    }

    /** True when webhook bodies must carry a valid {@code X-Hub-Signature-256}. */
    public boolean requiresSignature() {
        return appSecret != null && !appSecret.isBlank();
    }

    /**
     * @param url     the REST Endpoint URL including its URL token (a secret: never logged whole)
     * @param timeout how long one Cognigy call may take (default 10 s)
     */
    public record Cognigy(Secret url, Duration timeout) {
        public Cognigy {
            timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        }
    }

    /** @param expiration inactivity after which a new session starts; {@code 0} = never (default 30 min) */
    public record Session(Duration expiration) {
        public Session {
            expiration = expiration == null ? Duration.ofMinutes(30) : expiration;
        }

        public boolean neverExpires() {
            return expiration.isZero();
        }
    }

    /**
     * Fails start-up with a message that names the property, e.g.
     * {@code wabridge.endpoints.demo.verify-token must be set}.
     */
    public static void require(String endpointId, String property, Object value) {
        boolean missing = value == null
                || (value instanceof String text && text.isBlank())
                || (value instanceof Secret secret && secret.isBlank());
        if (missing) {
            throw new IllegalStateException("wabridge.endpoints." + endpointId + "." + property + " must be set");
        }
    }
}
