package io.wabridge.processor.conversation;

import io.wabridge.model.ConversationKey;
import io.wabridge.support.endpoint.Endpoint;
import io.wabridge.support.endpoint.Endpoints;
import java.time.Duration;
import java.util.Optional;

/**
 * How long a conversation's state outlives its last change: the configured retention, but never
 * less than its endpoint's session expiration (forgetting the state would end the session early),
 * and forever when either is {@code 0}. Conversations of an unknown number keep the plain retention.
 */
public final class Retention {

    private final Duration retention;
    private final Endpoints endpoints;

    public Retention(Duration retention, Endpoints endpoints) {
        this.retention = retention;
        this.endpoints = endpoints;
    }

    /** How long to keep the state of {@code conversationKey} untouched; empty = forever. */
    public Optional<Duration> keepFor(String conversationKey) {
        if (retention.isZero()) {
            return Optional.empty();
        }
        Optional<Duration> expiration = phoneNumberId(conversationKey)
                .flatMap(endpoints::byPhoneNumberId)
                .map(Endpoint::settings)
                .map(settings -> settings.session().expiration());
        if (expiration.isEmpty()) {
            return Optional.of(retention);
        }
        Duration session = expiration.get();
        return session.isZero() ? Optional.empty() : Optional.of(session.compareTo(retention) > 0 ? session : retention);
    }

    /** How often to look for forgettable conversations: often enough to be near the retention, at most every minute. */
    public Optional<Duration> sweepInterval() {
        if (retention.isZero()) {
            return Optional.empty();
        }
        Duration tenth = retention.dividedBy(10);
        return Optional.of(tenth.compareTo(Duration.ofMinutes(1)) < 0 ? tenth : Duration.ofMinutes(1));
    }

    private static Optional<String> phoneNumberId(String conversationKey) {
        try {
            return Optional.of(ConversationKey.parse(conversationKey).phoneNumberId());
        } catch (IllegalArgumentException notAKey) {
            return Optional.empty();
        }
    }
}
