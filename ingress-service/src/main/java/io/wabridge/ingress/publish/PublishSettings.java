package io.wabridge.ingress.publish;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code wabridge.ingress.publish.*}
 *
 * @param timeout longest a webhook waits for the broker to acknowledge its records; past it the
 *                webhook gets 503 and Meta retries (default 5 s). Also caps the producer's
 *                {@code max.block.ms}, so an unreachable broker cannot hold a request longer.
 */
@ConfigurationProperties("wabridge.ingress.publish")
public record PublishSettings(Duration timeout) {

    public PublishSettings {
        timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("wabridge.ingress.publish.timeout must be positive but was " + timeout);
        }
    }
}
