package io.wabridge.egress.send;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Retries of one outbound message by Graph error code ({@code wabridge.egress.retry.*}).
 * Every retry is bounded: after {@code max-attempts} the message goes to the dead-letter topic.
 *
 * @param maxAttempts        attempts per message, the first included
 * @param initialBackoff     first wait after a transient error (5xx, timeout, 131000, …)
 * @param multiplier         growth of that wait per attempt
 * @param jitter             randomization factor of that wait, 0..1
 * @param maxBackoff         longest wait after a transient error
 * @param pairRateBackoff    first wait of one recipient after a 131056 (then × {@code pair-rate-multiplier}: 4 s, 16 s, 64 s…)
 * @param pairRateMultiplier growth of that wait
 * @param pairRateMaxBackoff longest such wait
 * @param maintenanceBackoff wait after 131057, number in maintenance
 * @param spamBackoff        wait after 131048, spam rate limit
 */
@ConfigurationProperties("wabridge.egress.retry")
public record RetrySettings(
        @DefaultValue("8") Integer maxAttempts,
        @DefaultValue("500ms") Duration initialBackoff,
        @DefaultValue("2.0") Double multiplier,
        @DefaultValue("0.5") Double jitter,
        @DefaultValue("30s") Duration maxBackoff,
        @DefaultValue("4s") Duration pairRateBackoff,
        @DefaultValue("4.0") Double pairRateMultiplier,
        @DefaultValue("15m") Duration pairRateMaxBackoff,
        @DefaultValue("60s") Duration maintenanceBackoff,
        @DefaultValue("10m") Duration spamBackoff) {

    public RetrySettings {
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
