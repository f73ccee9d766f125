package io.wabridge.processor.cognigy;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Resilience of Cognigy calls ({@code wabridge.processor.cognigy.*}); the URL, timeout and
 * fallback text are per endpoint ({@code wabridge.endpoints.<id>.cognigy.*}).
 *
 * @param maxAttempts          attempts per input including the first
 * @param initialBackoff       wait before the second attempt, doubled for each further one
 * @param failureRateThreshold percentage of failed calls that opens an endpoint's circuit
 * @param slidingWindowSize    calls the failure rate is computed over
 * @param minimumCalls         calls needed before the rate counts
 * @param openDuration         how long an open circuit refuses calls before probing again
 * @param connectTimeout       TCP connect timeout
 */
@ConfigurationProperties("wabridge.processor.cognigy")
public record CognigyClientSettings(
        @DefaultValue("3") Integer maxAttempts,
        @DefaultValue("200ms") Duration initialBackoff,
        @DefaultValue("50") Float failureRateThreshold,
        @DefaultValue("20") Integer slidingWindowSize,
        @DefaultValue("10") Integer minimumCalls,
        @DefaultValue("30s") Duration openDuration,
        @DefaultValue("5s") Duration connectTimeout) {

    public CognigyClientSettings {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("wabridge.processor.cognigy.max-attempts must be at least 1 but was " + maxAttempts);
        }
    }
}
