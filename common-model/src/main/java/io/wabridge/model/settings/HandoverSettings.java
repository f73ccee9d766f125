package io.wabridge.model.settings;

import java.time.Duration;

/**
 * Handover to human agents for one endpoint ({@code wabridge.endpoints.<id>.handover.*});
 * {@code docs/handover.md} describes the lifecycle. A flow starts one with a marker in an output's
 * data, the API with {@code POST .../handover/start}; these settings say where it goes and what
 * the user is told.
 *
 * @param provider           the provider a start without its own {@code provider} goes to (default {@code kafka})
 * @param cancelKeyword      a user message of exactly this text (case and surrounding blanks ignored)
 *                           cancels an open handover; unset = users cannot cancel
 * @param mirror             user messages during a handover also go to the flow (its outputs are not sent); default false
 * @param inactivityTimeout  an open handover without a user or agent message for this long ends with
 *                           {@code timeout}; {@code 0} (default) = never
 * @param inactivityWarning  how long before that timeout the user is warned ({@code texts.inactivity-warning});
 *                           {@code 0} (default) = no warning
 * @param providerAttempts   calls of the provider per step before the handover ends with {@code error} (default 3)
 * @param providerBackoff    pause before the first retry, doubled each time (default 200 ms)
 * @param texts              what the user is told
 * @param chatwoot           the {@code chatwoot} provider's Chatwoot account, inbox and webhook checks
 */
public record HandoverSettings(
        String provider,
        String cancelKeyword,
        Boolean mirror,
        Duration inactivityTimeout,
        Duration inactivityWarning,
        Integer providerAttempts,
        Duration providerBackoff,
        Texts texts,
        Chatwoot chatwoot) {

    public static final String KAFKA = "kafka";
    public static final String CHATWOOT = "chatwoot";
    public static final HandoverSettings DEFAULTS = new HandoverSettings(null, null, null, null, null, null, null, null, null);

    public HandoverSettings {
        provider = provider == null || provider.isBlank() ? KAFKA : provider.trim();
        cancelKeyword = cancelKeyword == null || cancelKeyword.isBlank() ? null : cancelKeyword.trim();
        mirror = mirror != null && mirror;
        inactivityTimeout = inactivityTimeout == null ? Duration.ZERO : inactivityTimeout;
        inactivityWarning = inactivityWarning == null ? Duration.ZERO : inactivityWarning;
        providerAttempts = providerAttempts == null ? 3 : providerAttempts;
        providerBackoff = providerBackoff == null ? Duration.ofMillis(200) : providerBackoff;
        texts = texts == null ? new Texts(null, null, null, null, null) : texts;
        chatwoot = chatwoot == null ? new Chatwoot(null, null, null, null, null, null, null) : chatwoot;
    }

    /** True when {@code text} is the cancel keyword. */
    public boolean isCancelKeyword(String text) {
        return cancelKeyword != null && text != null && cancelKeyword.equalsIgnoreCase(text.trim());
    }

    /**
     * {@code handover.texts.*}: what the user is told, each through the output translation like a
     * flow output; an empty text is not sent.
     *
     * @param agentJoined       when an agent takes the conversation
     * @param queuePosition     when the provider reports the user's place; {@code {position}} is replaced by it
     * @param agentLeft         when the handover ends (before the flow continues)
     * @param inactivityWarning before the inactivity timeout ends the handover
     * @param error             when the provider could not be reached and the flow takes over again
     */
    public record Texts(String agentJoined, String queuePosition, String agentLeft, String inactivityWarning, String error) {
        public Texts {
            agentJoined = agentJoined == null ? "An agent has joined the conversation." : agentJoined;
            queuePosition = queuePosition == null ? "You are number {position} in the queue." : queuePosition;
            agentLeft = agentLeft == null ? "The agent has left the conversation." : agentLeft;
            inactivityWarning = inactivityWarning == null
                    ? "Are you still there? This conversation will close soon without a reply." : inactivityWarning;
            error = error == null ? "Sorry, we could not reach an agent. You are back with our assistant." : error;
        }
    }

    /**
     * {@code handover.chatwoot.*}: the Chatwoot account and API-channel inbox of the {@code chatwoot}
     * provider, and how its webhooks are checked ({@code docs/handover.md}).
     *
     * @param baseUrl        Chatwoot's address, e.g. {@code https://app.chatwoot.com} (without {@code /api/v1})
     * @param apiAccessToken an agent's or admin's access token, sent as {@code api_access_token}
     * @param accountId      the Chatwoot account id
     * @param inboxId        the API-channel inbox handovers go to; a start's {@code inboxId} overrides it
     * @param webhookSecret  the inbox's webhook secret: webhooks must carry a valid {@code X-Chatwoot-Signature}
     * @param webhookToken   a token the webhook URL must carry as {@code ?token=} (for Chatwoot versions that do not sign)
     * @param timeout        longest one Chatwoot API call may take (default 10 s)
     */
    public record Chatwoot(String baseUrl, Secret apiAccessToken, Long accountId, Long inboxId, Secret webhookSecret,
                           Secret webhookToken, Duration timeout) {
        public Chatwoot {
            baseUrl = baseUrl == null || baseUrl.isBlank() ? null : baseUrl.trim().replaceAll("/+$", "");
            timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        }

        /** True when a Chatwoot is configured for the endpoint. */
        public boolean configured() {
            return baseUrl != null;
        }

        /** True when its webhooks can be checked (a secret or a token is set). */
        public boolean webhookChecked() {
            return (webhookSecret != null && !webhookSecret.isBlank()) || (webhookToken != null && !webhookToken.isBlank());
        }
    }
}
