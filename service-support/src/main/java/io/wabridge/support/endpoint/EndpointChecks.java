package io.wabridge.support.endpoint;

import io.wabridge.model.settings.EndpointSettings;
import io.wabridge.model.settings.HandoverSettings;
import io.wabridge.model.settings.TranslationSettings;
import java.time.Duration;
import java.util.Collection;

/**
 * Every start-up check of an endpoint's settings, in one place: what the services need set (their
 * {@link EndpointRequirements}) and the values no service can use. Each failure names the full
 * property ({@code wabridge.endpoints.demo.cognigy.timeout must be positive}).
 */
final class EndpointChecks {

    private EndpointChecks() {
    }

    static void check(String id, EndpointSettings settings, Collection<EndpointRequirement> required) {
        String prefix = "wabridge.endpoints." + id + ".";
        for (EndpointRequirement requirement : EndpointRequirement.values()) {
            boolean needed = requirement == EndpointRequirement.PHONE_NUMBER_ID || required.contains(requirement);
            if (needed && !requirement.isMetBy(settings)) {
                throw new IllegalStateException(prefix + requirement.property() + " must be set");
            }
        }
        notNegative(prefix + "message-delay", settings.messageDelay());
        notNegative(prefix + "session.expiration", settings.session().expiration());
        positive(prefix + "cognigy.timeout", settings.cognigy().timeout());
        positive(prefix + "delivery.delivered-timeout", settings.delivery().deliveredTimeout());
        positive(prefix + "transformers.timeout", settings.transformers().timeout());
        notNegative(prefix + "human-replies.pause", settings.humanReplies().pause());
        positive(prefix + "human-replies.routing-limit", settings.humanReplies().routingLimit());
        if (settings.transformers().statementLimit() < 1) {
            throw new IllegalStateException(prefix + "transformers.statement-limit must be at least 1 but was "
                    + settings.transformers().statementLimit());
        }
        EndpointSettings.ServiceWindow window = settings.serviceWindow();
        if (window.outside() == EndpointSettings.Outside.TEMPLATE
                && (window.template().name() == null || window.template().name().isBlank())) {
            throw new IllegalStateException(prefix + "service-window.template.name must be set when "
                    + prefix + "service-window.outside is template");
        }
        translation(prefix + "translation.", settings.translation());
        handover(prefix + "handover.", settings.handover());
    }

    /** The inactivity warning must come before the timeout it warns of; providers need at least one attempt. */
    private static void handover(String prefix, HandoverSettings handover) {
        notNegative(prefix + "inactivity-timeout", handover.inactivityTimeout());
        notNegative(prefix + "inactivity-warning", handover.inactivityWarning());
        notNegative(prefix + "provider-backoff", handover.providerBackoff());
        if (!handover.inactivityWarning().isZero() && handover.inactivityWarning().compareTo(handover.inactivityTimeout()) >= 0) {
            throw new IllegalStateException(prefix + "inactivity-warning must be shorter than " + prefix
                    + "inactivity-timeout but was " + handover.inactivityWarning());
        }
        if (handover.providerAttempts() < 1) {
            throw new IllegalStateException(prefix + "provider-attempts must be at least 1 but was " + handover.providerAttempts());
        }
        HandoverSettings.Chatwoot chatwoot = handover.chatwoot();
        if (chatwoot.configured() || HandoverSettings.CHATWOOT.equals(handover.provider())) {
            chatwoot(prefix + "chatwoot.", chatwoot);
        }
    }

    /** A Chatwoot needs its address, token, account and inbox, and a way to check its webhooks. */
    private static void chatwoot(String prefix, HandoverSettings.Chatwoot chatwoot) {
        if (!chatwoot.configured()) {
            throw new IllegalStateException(prefix + "base-url must be set when the handover provider is chatwoot");
        }
        if (!chatwoot.baseUrl().startsWith("http://") && !chatwoot.baseUrl().startsWith("https://")) {
            throw new IllegalStateException(prefix + "base-url must be an http(s) URL but was " + chatwoot.baseUrl());
        }
        if (chatwoot.apiAccessToken() == null || chatwoot.apiAccessToken().isBlank()) {
            throw new IllegalStateException(prefix + "api-access-token must be set");
        }
        if (chatwoot.accountId() == null || chatwoot.accountId() < 1) {
            throw new IllegalStateException(prefix + "account-id must be set (a positive number)");
        }
        if (chatwoot.inboxId() == null || chatwoot.inboxId() < 1) {
            throw new IllegalStateException(prefix + "inbox-id must be set (a positive number)");
        }
        if (!chatwoot.webhookChecked()) {
            throw new IllegalStateException(prefix + "webhook-secret or " + prefix + "webhook-token must be set (Chatwoot's webhooks are refused otherwise)");
        }
        positive(prefix + "timeout", chatwoot.timeout());
    }

    /** Translation needs a provider and its key once on; the rest has defaults. */
    private static void translation(String prefix, TranslationSettings translation) {
        positive(prefix + "timeout", translation.timeout());
        if (translation.detectOnFirst() < 1) {
            throw new IllegalStateException(prefix + "detect-on-first must be at least 1 but was " + translation.detectOnFirst());
        }
        if (translation.noTranslationMarker().isBlank()) {
            throw new IllegalStateException(prefix + "no-translation-marker must not be blank");
        }
        if (!translation.enabled()) {
            return;
        }
        if (translation.provider() == null) {
            throw new IllegalStateException(prefix + "provider must be set (microsoft, google or deepl) when translation is enabled");
        }
        if (translation.apiKey() == null || translation.apiKey().isBlank()) {
            throw new IllegalStateException(prefix + "api-key must be set when translation is enabled");
        }
        if (translation.userLanguage().equalsIgnoreCase(translation.flowLanguage())) {
            throw new IllegalStateException(prefix + "user-language and flow-language are both " + translation.flowLanguage());
        }
    }

    private static void notNegative(String property, Duration value) {
        if (value.isNegative()) {
            throw new IllegalStateException(property + " must not be negative but was " + value);
        }
    }

    private static void positive(String property, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalStateException(property + " must be positive but was " + value);
        }
    }
}
