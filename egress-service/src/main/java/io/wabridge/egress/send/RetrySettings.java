package io.wabridge.egress.send;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Retries of one outbound message by Graph error code ({@code wabridge.egress.retry.*}).
 * Every retry is bounded: after {@code max-attempts} the message goes to the dead-letter topic.
 *
 * @param maxAttempts        attempts per message, the first included (default 8)
 * @param initialBackoff     first wait after a transient error (5xx, timeout, 131000, …; default 500 ms)
 * @param multiplier         growth of that wait per attempt (default 2)
 * @param jitter             randomization factor of that wait, 0..1 (default 0.5)
 * @param maxBackoff         longest wait after a transient error (default 30 s)
 * @param pairRateBackoff    first wait of one recipient after a 131056 (default 4 s; then 16 s, 64 s… = 4^n s)
 * @param pairRateMultiplier growth of that wait (default 4)
 * @param pairRateMaxBackoff longest such wait (default 15 min)
 * @param maintenanceBackoff wait after 131057, number in maintenance (default 60 s)
 * @param spamBackoff        wait after 131048, spam rate limit (default 10 min)
 */
@ConfigurationProperties("wabridge.egress.retry")
public record RetrySettings(
        Integer maxAttempts,
        Duration initialBackoff,
        Double multiplier,
        Double jitter,
        Duration maxBackoff,
        Duration pairRateBackoff,
        Double pairRateMultiplier,
        Duration pairRateMaxBackoff,
        Duration maintenanceBackoff,
        Duration spamBackoff) {

    public RetrySettings {
        maxAttempts = maxAttempts == null ? 8 : maxAttempts;
        initialBackoff = initialBackoff == null ? Duration.ofMillis(500) : initialBackoff;
        multiplier = multiplier == null ? 2.0 : multiplier;
        jitter = jitter == null ? 0.5 : jitter;
        maxBackoff = maxBackoff == null ? Duration.ofSeconds(30) : maxBackoff;
        pairRateBackoff = pairRateBackoff == null ? Duration.ofSeconds(4) : pairRateBackoff;
        pairRateMultiplier = pairRateMultiplier == null ? 4.0 : pairRateMultiplier;
        pairRateMaxBackoff = pairRateMaxBackoff == null ? Duration.ofMinutes(15) : pairRateMaxBackoff;
        maintenanceBackoff = maintenanceBackoff == null ? Duration.ofSeconds(60) : maintenanceBackoff;
        spamBackoff = spamBackoff == null ? Duration.ofMinutes(10) : spamBackoff;
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("wabridge.egress.retry.max-attempts must be at least 1 but was " + maxAttempts);
        }
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("wabridge.egress.retry.jitter must be in [0, 1) but was " + jitter);
        }
        if (multiplier < 1 || pairRateMultiplier < 1) {
            throw new IllegalArgumentException("wabridge.egress.retry.multiplier and pair-rate-multiplier must be at least 1");
        }
    }
}
