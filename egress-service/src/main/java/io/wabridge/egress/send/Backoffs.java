package io.wabridge.egress.send;

import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.core.functions.Either;
import io.wabridge.egress.graph.GraphResult;

/**
 * How long to wait before the next attempt, by what the last attempt ran into. The whole-number
 * pause after a 130429 is not here: {@code NumberThrottle} holds every send of the number, this
 * only spaces the attempts of one message.
 */
final class Backoffs implements IntervalBiFunction<GraphResult> {

    private final RetrySettings settings;
    private final IntervalFunction transientBackoff;

    Backoffs(RetrySettings settings) {
        this.settings = settings;
        this.transientBackoff = IntervalFunction.ofExponentialRandomBackoff(
                settings.initialBackoff(), settings.multiplier(), settings.jitter(), settings.maxBackoff());
    }

    @Override
    public Long apply(Integer attempt, Either<Throwable, GraphResult> outcome) {
        if (outcome.isLeft() || outcome.get().errorClass() == null) {
            return transientBackoff.apply(attempt);
        }
        return switch (outcome.get().errorClass()) {
            case PAIR_THROTTLED -> pairRate(attempt);
            case MAINTENANCE -> settings.maintenanceBackoff().toMillis();
            case SPAM_LIMITED -> settings.spamBackoff().toMillis();
            default -> transientBackoff.apply(attempt);
        };
    }

    /** 131056: {@code pair-rate-backoff × multiplier^(attempt-1)}, by default 4 s, 16 s, 64 s… */
    private long pairRate(int attempt) {
        double millis = settings.pairRateBackoff().toMillis() * Math.pow(settings.pairRateMultiplier(), attempt - 1);
        return (long) Math.min(millis, settings.pairRateMaxBackoff().toMillis());
    }
}
