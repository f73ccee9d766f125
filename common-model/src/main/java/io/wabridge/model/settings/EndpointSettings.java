package io.wabridge.model.settings;

import java.time.Duration;

/**
 * One WhatsApp endpoint ({@code wabridge.endpoints.<id>.*}): a phone number connected to one
 * Cognigy flow. Absent values get their defaults here, so every service sees the same; these are
 * the only place the defaults are written. What each property means, and its default as users and
 * IDEs see it, is the configuration metadata of {@code service-support}
 * ({@code META-INF/additional-spring-configuration-metadata.json}), which a test there checks
 * against these defaults. Start-up checks (what a service needs set, ranges) are
 * {@code service-support}'s too, so that they can name the property.
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
        TransformerSettings transformers,
        ServiceWindow serviceWindow,
        UserChange edits,
        UserChange revokes,
        TranslationSettings translation,
        HumanReplies humanReplies,
        HandoverSettings handover) {

    public EndpointSettings {
        messageDelay = messageDelay == null ? Duration.ZERO : messageDelay;
        markAsRead = markAsRead != null && markAsRead;
        cognigy = cognigy == null ? new Cognigy(null, null, null, null) : cognigy;
        session = session == null ? new Session(null) : session;
        delivery = delivery == null ? new Delivery(null, null, null) : delivery;
        dataProtection = dataProtection == null ? new DataProtection(null, null, null) : dataProtection;
        transformers = transformers == null ? TransformerSettings.NONE : transformers;
        serviceWindow = serviceWindow == null ? new ServiceWindow(null, null) : serviceWindow;
        edits = edits == null ? UserChange.FORWARD : edits;
        revokes = revokes == null ? UserChange.FORWARD : revokes;
        translation = translation == null ? TranslationSettings.OFF : translation;
        humanReplies = humanReplies == null ? new HumanReplies(null, null) : humanReplies;
        handover = handover == null ? HandoverSettings.DEFAULTS : handover;
    }

    /** True when webhook bodies must carry a valid {@code X-Hub-Signature-256}. */
    public boolean requiresSignature() {
        return appSecret != null && !appSecret.isBlank();
    }

    /** {@code cognigy.*}: the Cognigy REST Endpoint (its URL holds the URL token: a secret, never logged whole). */
    public record Cognigy(Secret url, Duration timeout, String fallbackText, FlowUserId userId) {
        public static final String DEFAULT_FALLBACK_TEXT = "Sorry, something went wrong on our side. Please try again in a moment.";

        public Cognigy {
            timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
            fallbackText = fallbackText == null ? DEFAULT_FALLBACK_TEXT : fallbackText;
            userId = userId == null ? FlowUserId.STABLE : userId;
        }
    }

    /** {@code cognigy.user-id}: the {@code userId} the flow sees for a person (docs/cognigy-mapping.md, "User id"). */
    public enum FlowUserId {
        /**
         * The first id wabridge knew the person by (a phone number for conversations begun before
         * business-scoped ids, else the business-scoped id), kept in the conversation state across
         * number changes and upgrades (default): one person, one Cognigy contact.
         */
        STABLE,
        /**
         * The phone number when known, else the business-scoped id, as Cognigy's own endpoint did:
         * for flows that look people up by phone number. It changes when the user changes number
         * or hides it.
         */
        PHONE_NUMBER
    }

    /** {@code session.*} */
    public record Session(Duration expiration) {
        public Session {
            expiration = expiration == null ? Duration.ofMinutes(30) : expiration;
        }

        public boolean neverExpires() {
            return expiration.isZero();
        }
    }

    /** {@code delivery.*}: how egress orders and paces replies. */
    public record Delivery(OrderingMode ordering, Duration deliveredTimeout, Boolean typingIndicator) {
        public Delivery {
            ordering = ordering == null ? OrderingMode.ACCEPTED : ordering;
            deliveredTimeout = deliveredTimeout == null ? Duration.ofSeconds(10) : deliveredTimeout;
            typingIndicator = typingIndicator != null && typingIndicator;
        }
    }

    /**
     * Cognigy's "Data Protection &amp; Analytics" settings ({@code data-protection.*}). Logs are
     * masked by default, unlike Cognigy: a production connector should not write phone numbers
     * and texts into logs unless asked.
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
     * {@code service-window.*}: what becomes of a free-form message that would leave after the
     * 24-hour customer-service window closed (Meta refuses it with 131047).
     */
    public record ServiceWindow(Outside outside, Template template) {
        public ServiceWindow {
            outside = outside == null ? Outside.DEAD_LETTER : outside;
            template = template == null ? new Template(null, null) : template;
        }

        /** {@code service-window.template.*}: the approved template sent instead; the message text is its body parameter {{1}}. */
        public record Template(String name, String language) {
            public Template {
                language = language == null ? "en" : language;
            }
        }
    }

    /** {@code service-window.outside} */
    public enum Outside {
        /** Written to the outbound dead-letter topic with the reason {@code outside-service-window} (default). */
        DEAD_LETTER,
        /** Replaced by the endpoint's {@code service-window.template}. */
        TEMPLATE
    }

    /** {@code edits}, {@code revokes}: a user's edit or deletion of an earlier message. */
    public enum UserChange {
        /** Reaches the flow as a documented input (default). */
        FORWARD,
        /** Dropped (remembered as handled). */
        IGNORE
    }

    /**
     * {@code human-replies.*}: how long the bot keeps quiet when WhatsApp's own humans answer
     * ({@code docs/handover.md}, "WhatsApp's own humans").
     *
     * @param pause       how long a message a person sent from the WhatsApp Business app pauses the
     *                    bot for that conversation (each one restarts it); zero = echoes never pause
     * @param routingLimit the longest the bot stays paused after Conversation Routing gave the thread
     *                    to another app ({@code control_taken}, a {@code standby} copy) without giving
     *                    it back ({@code control_passed}); Meta idles a thread 24 h after the user's last message
     */
    public record HumanReplies(Duration pause, Duration routingLimit) {
        public HumanReplies {
            pause = pause == null ? Duration.ofHours(4) : pause;
            routingLimit = routingLimit == null ? Duration.ofHours(24) : routingLimit;
        }
    }
}
