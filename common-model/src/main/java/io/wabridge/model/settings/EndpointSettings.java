package io.wabridge.model.settings;

import java.time.Duration;

/**
 * One WhatsApp endpoint ({@code wabridge.endpoints.<id>.*}): a phone number connected to one
 * Cognigy flow. Absent values get the documented defaults here, so every service sees the same.
 *
 * @param appId         Meta App ID
 * @param accessToken   Graph API access token
 * @param phoneNumberId the sending number, and the routing key of incoming webhooks
 * @param verifyToken   must match the token in Meta's dashboard for the webhook handshake
 * @param appSecret     optional; enables {@code X-Hub-Signature-256} checks and {@code appsecret_proof}
 * @param messageDelay  gap between two consecutive replies to one user (default 0)
 * @param markAsRead    mark each user message read before the bot answers (default false)
 * @param cognigy       the Cognigy REST Endpoint this endpoint talks to
 * @param session       session handling
 * @param delivery      how egress orders and paces replies
 * @param apiKey        enables the Inject &amp; Notify API for this endpoint; callers send it as {@code X-API-Key}
 * @param dataProtection what the endpoint's users' data may appear in: logs, transcripts; input sanitization
 * @param transformers  Cognigy's transformer functions, in sandboxed JavaScript (default none)
 */
public record EndpointSettings(
        String appId,
        Secret accessToken,
        String phoneNumberId,
        Secret verifyToken,
        Secret appSecret,
        Duration messageDelay,
        Boolean markAsRead,
        Cognigy cognigy,
        Session session,
        Delivery delivery,
        Secret apiKey,
        DataProtection dataProtection,
        TransformerSettings transformers) {

    public EndpointSettings {
        messageDelay = messageDelay == null ? Duration.ZERO : messageDelay;
        markAsRead = markAsRead != null && markAsRead;
        cognigy = cognigy == null ? new Cognigy(null, null, null) : cognigy;
        session = session == null ? new Session(null) : session;
        delivery = delivery == null ? new Delivery(null, null, null) : delivery;
        dataProtection = dataProtection == null ? new DataProtection(null, null, null) : dataProtection;
        transformers = transformers == null ? TransformerSettings.NONE : transformers;
        if (messageDelay.isNegative()) {
            throw new IllegalArgumentException("message-delay must not be negative but was " + messageDelay);
        }
    }

    /** True when webhook bodies must carry a valid {@code X-Hub-Signature-256}. */
    public boolean requiresSignature() {
        return appSecret != null && !appSecret.isBlank();
    }

    /**
     * @param url          the REST Endpoint URL including its URL token (a secret: never logged whole)
     * @param timeout      how long one Cognigy call may take (default 10 s)
     * @param fallbackText sent to the user when Cognigy stays unreachable
     */
    public record Cognigy(Secret url, Duration timeout, String fallbackText) {
        public static final String DEFAULT_FALLBACK_TEXT = "Sorry, something went wrong on our side. Please try again in a moment.";

        public Cognigy {
            timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
            fallbackText = fallbackText == null ? DEFAULT_FALLBACK_TEXT : fallbackText;
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
     * @param ordering         {@code accepted}: next reply after Graph accepted the previous one;
     *                         {@code delivered}: after its delivered/read status (default accepted)
     * @param deliveredTimeout in {@code delivered} mode, how long to wait for the status before
     *                         sending anyway (default 10 s)
     * @param typingIndicator  show a typing indicator while a reply waits for its turn (default false)
     */
    public record Delivery(OrderingMode ordering, Duration deliveredTimeout, Boolean typingIndicator) {
        public Delivery {
            ordering = ordering == null ? OrderingMode.ACCEPTED : ordering;
            deliveredTimeout = deliveredTimeout == null ? Duration.ofSeconds(10) : deliveredTimeout;
            typingIndicator = typingIndicator != null && typingIndicator;
        }
    }

    /**
     * Cognigy's "Data Protection &amp; Analytics" settings ({@code data-protection.*}).
     *
     * @param maskLogging   user ids, phone numbers, conversation keys, texts and data are masked in
     *                      log lines (default <b>true</b>, unlike Cognigy: a production connector
     *                      should not write them into logs unless asked)
     * @param sanitizeInput strip HTML tags from the user's text before it reaches the flow (default false)
     * @param transcript    whether the processor writes the conversation to the transcript topic (default off)
     */
    public record DataProtection(Boolean maskLogging, Boolean sanitizeInput, TranscriptMode transcript) {
        public DataProtection {
            maskLogging = maskLogging == null || maskLogging;
            sanitizeInput = sanitizeInput != null && sanitizeInput;
            transcript = transcript == null ? TranscriptMode.OFF : transcript;
        }
    }

    /** Cognigy's "Collect Conversations", with masking as its "Mask Sensitive Analytics". */
    public enum TranscriptMode {
        /** Nothing is written (default). */
        OFF,
        /** User and bot turns are written as they are. */
        ON,
        /** Written with user id, texts and data masked, under a key that does not reveal the user. */
        MASKED
    }

    /** When the next reply to a recipient may go. */
    public enum OrderingMode {
        ACCEPTED, DELIVERED
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
