package io.wabridge.ingress.publish;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code wabridge.ingress.publish.*}
 *
 * @param timeout longest a webhook waits for the broker to acknowledge its records; past it the
 *                webhook gets 503 and Meta retries. Also caps the producer's
 *                {@code max.block.ms}, so an unreachable broker cannot hold a request longer.
 */
@ConfigurationProperties("wabridge.ingress.publish")
public record PublishSettings(@DefaultValue("5s") Duration timeout) {

    public PublishSettings {
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("wabridge.ingress.publish.timeout must be positive but was " + timeout);
        }
    }
}
