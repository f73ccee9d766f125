package io.wabridge.egress.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wabridge.egress.graph.ErrorClass;
import io.wabridge.egress.graph.GraphResult;
import io.wabridge.support.settings.TestSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NumberThrottleTest {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void pausesTheWholeNumberAfterAThroughputError() {
        NumberThrottle throttle = throttle(Duration.ofMillis(400), Duration.ofMinutes(1));
        throttle.tryEnter();
        // Measured from before the 130429 is reported: the pause starts inside onResult, before its log line.
        long pausedAt = System.nanoTime();
        throttle.onResult(GraphResult.failed(ErrorClass.NUMBER_THROTTLED, 400, null, "130429"), 0);

        CompletableFuture<Void> permit = throttle.acquire();

        await().atMost(Duration.ofSeconds(5)).until(permit::isDone);
        assertThat(Duration.ofNanos(System.nanoTime() - pausedAt)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }

    @Test
    void opensTheCircuitOnATokenErrorAndProbesAfterTheWait() {
        NumberThrottle throttle = throttle(Duration.ofSeconds(1), Duration.ofMillis(300));
        assertThat(throttle.tryEnter()).isTrue();
        throttle.onResult(GraphResult.failed(ErrorClass.ACCOUNT_BLOCKED, 401, null, "190"), 0);

        assertThat(throttle.tryEnter()).isFalse();
        assertThat(throttle.isCircuitOpen()).isTrue();

        await().atMost(Duration.ofSeconds(5)).until(throttle::tryEnter); // half-open: one probe
        throttle.onResult(GraphResult.accepted("wamid.1", 200), 0);
        assertThat(throttle.tryEnter()).isTrue();
    }

    @Test
    void otherErrorsDoNotOpenTheCircuit() {
        NumberThrottle throttle = throttle(Duration.ofSeconds(1), Duration.ofMinutes(1));
        for (ErrorClass errorClass : List.of(ErrorClass.TRANSIENT, ErrorClass.PERMANENT, ErrorClass.PAIR_THROTTLED)) {
            assertThat(throttle.tryEnter()).isTrue();
            throttle.onResult(GraphResult.failed(errorClass, 400, null, "x"), 0);
        }
        assertThat(throttle.tryEnter()).isTrue();
    }

    @Test
    void handsOutNoMoreThanTheBudgetInAnySlidingSecond() {
        int budget = 20;
        NumberThrottle throttle = new NumberThrottle("1", budget, settings(Duration.ofSeconds(1), Duration.ofMinutes(1)), scheduler);
        List<Long> grantedAt = new ArrayList<>();
        List<CompletableFuture<Void>> permits = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            permits.add(throttle.acquire().thenRun(() -> {
                synchronized (grantedAt) {
                    grantedAt.add(System.nanoTime());
                }
            }));
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> permits.stream().allMatch(CompletableFuture::isDone));

        List<Long> times = new ArrayList<>(grantedAt);
        times.sort(Long::compare);
        for (long start : times) {
            long inWindow = times.stream().filter(t -> t >= start && t < start + 1_000_000_000L).count();
            assertThat(inWindow).isLessThanOrEqualTo(budget);
        }
    }

    private NumberThrottle throttle(Duration throttledBackoff, Duration circuitOpenFor) {
        return new NumberThrottle("1", 80, settings(throttledBackoff, circuitOpenFor), scheduler);
    }

    private static ThroughputSettings settings(Duration throttledBackoff, Duration circuitOpenFor) {
        return TestSettings.bind(ThroughputSettings.class,
                "throttled-backoff=" + throttledBackoff.toMillis() + "ms", "circuit-open-for=" + circuitOpenFor.toMillis() + "ms");
    }
}
