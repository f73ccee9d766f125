package io.wabridge.egress.send;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.core.functions.Either;
import io.wabridge.egress.graph.ErrorClass;
import io.wabridge.egress.graph.GraphResult;
import io.wabridge.support.settings.TestSettings;
import org.junit.jupiter.api.Test;

class BackoffsTest {

    private final RetrySettings settings = TestSettings.bind(RetrySettings.class,
            "initial-backoff=100ms", "max-backoff=1s", "pair-rate-max-backoff=2m");
    private final Backoffs backoffs = new Backoffs(settings);

    @Test
    void pairRateLimitWaitsFourToThePowerOfTheAttemptSeconds() {
        assertThat(backoffs.apply(1, result(ErrorClass.PAIR_THROTTLED))).isEqualTo(4_000L);
        assertThat(backoffs.apply(2, result(ErrorClass.PAIR_THROTTLED))).isEqualTo(16_000L);
        assertThat(backoffs.apply(3, result(ErrorClass.PAIR_THROTTLED))).isEqualTo(64_000L);
        assertThat(backoffs.apply(4, result(ErrorClass.PAIR_THROTTLED))).as("capped").isEqualTo(120_000L);
    }

    @Test
    void transientErrorsBackOffExponentiallyWithJitterAndABound() {
        for (int attempt = 1; attempt <= 10; attempt++) {
            long wait = backoffs.apply(attempt, result(ErrorClass.TRANSIENT));
            double nominal = Math.min(100 * Math.pow(2, attempt - 1), 1000);
            assertThat(wait).as("attempt %d", attempt).isBetween((long) (nominal * 0.5) - 1, (long) (nominal * 1.5) + 1);
        }
    }

    @Test
    void maintenanceWaitsAboutAMinute() {
        assertThat(backoffs.apply(1, result(ErrorClass.MAINTENANCE))).isEqualTo(60_000L);
    }

    private static Either<Throwable, GraphResult> result(ErrorClass errorClass) {
        return Either.right(GraphResult.failed(errorClass, 400, null, "test"));
    }
}
