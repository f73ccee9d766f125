package io.wabridge.egress.throttle;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.wabridge.egress.graph.ErrorClass;
import io.wabridge.egress.graph.GraphResult;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything that limits one phone number as a whole: its throughput budget (a resilience4j
 * {@link RateLimiter}), the pause after Meta's 130429 throughput error, and a
 * {@link CircuitBreaker} that opens on token or account errors.
 *
 * <p>The rate limiter hands out one permit per cycle, slightly fewer cycles per second than the
 * budget (see {@link ThroughputSettings#permitsPerSecond}): the budget then holds for every
 * sliding one-second window, not only for aligned seconds, even with some network jitter, and
 * at least 95 % of it is usable (76 of 80, 969 of 1000). Waiting is non-blocking: permits are reserved and the caller is
 * woken by the scheduler.
 */
public class NumberThrottle {

    private static final Logger log = LoggerFactory.getLogger(NumberThrottle.class);
    /** How far into the future permits may be reserved; beyond it a caller re-tries later. */
    private static final Duration RESERVATION_HORIZON = Duration.ofMinutes(10);
    private static final long RETRY_RESERVATION_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final String phoneNumberId;
    private final RateLimiter limiter;
    private final CircuitBreaker circuit;
    private final ScheduledExecutorService scheduler;
    private final Duration throttledBackoff;
    private final Duration throttledMaxBackoff;
    private final AtomicLong pausedUntil = new AtomicLong(System.nanoTime());
    private final AtomicInteger throttledInRow = new AtomicInteger();

    NumberThrottle(String phoneNumberId, int instanceBudget, ThroughputSettings settings, ScheduledExecutorService scheduler) {
        this.phoneNumberId = phoneNumberId;
        this.scheduler = scheduler;
        this.throttledBackoff = settings.throttledBackoff();
        this.throttledMaxBackoff = settings.throttledMaxBackoff();
        this.limiter = RateLimiter.of("number-" + phoneNumberId, RateLimiterConfig.custom()
                .limitForPeriod(1)
                .limitRefreshPeriod(Duration.ofNanos(TimeUnit.SECONDS.toNanos(1)
                        / ThroughputSettings.permitsPerSecond(instanceBudget, settings.headroom())))
                .timeoutDuration(RESERVATION_HORIZON)
                .build());
        this.circuit = CircuitBreaker.of("number-" + phoneNumberId, CircuitBreakerConfig.custom()
                // One token or account error is enough: the next send would fail the same way.
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(1)
                .minimumNumberOfCalls(1)
                .failureRateThreshold(100)
                .waitDurationInOpenState(settings.circuitOpenFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .recordException(AccountBlockedException.class::isInstance)
                .build());
    }

    /** Completes once this number may send one message: not paused, and a permit reserved. */
    public CompletableFuture<Void> acquire() {
        CompletableFuture<Void> ready = new CompletableFuture<>();
        tryAcquire(ready);
        return ready;
    }

    /** False while the circuit is open; a true answer must be followed by {@link #onResult}. */
    public boolean tryEnter() {
        return circuit.tryAcquirePermission();
    }

    /** Feeds the outcome of a send that {@link #tryEnter} let through. */
    public void onResult(GraphResult result, long durationNanos) {
        ErrorClass errorClass = result.errorClass();
        if (errorClass == ErrorClass.CANCELLED) {
            circuit.releasePermission();
        } else if (errorClass == ErrorClass.ACCOUNT_BLOCKED) {
            log.error("phone number {} is blocked for sending ({}): circuit open for the number", phoneNumberId, result.reason());
            circuit.onError(durationNanos, TimeUnit.NANOSECONDS, new AccountBlockedException(result.reason()));
        } else {
            circuit.onSuccess(durationNanos, TimeUnit.NANOSECONDS);
        }
        if (errorClass == ErrorClass.NUMBER_THROTTLED) {
            pause();
        } else if (result.isAccepted()) {
            throttledInRow.set(0);
        }
    }

    public boolean isCircuitOpen() {
        return circuit.getState() == CircuitBreaker.State.OPEN;
    }

    private void pause() {
        int inRow = throttledInRow.incrementAndGet();
        long backoff = Math.min(throttledMaxBackoff.toNanos(), throttledBackoff.toNanos() << Math.min(inRow - 1, 20));
        pausedUntil.accumulateAndGet(System.nanoTime() + backoff, Math::max);
        log.warn("phone number {} hit its throughput limit (130429): pausing it for {} ms", phoneNumberId,
                TimeUnit.NANOSECONDS.toMillis(backoff));
    }

    private void tryAcquire(CompletableFuture<Void> ready) {
        long paused = pausedUntil.get() - System.nanoTime();
        if (paused > 0) {
            scheduler.schedule(() -> tryAcquire(ready), paused, TimeUnit.NANOSECONDS);
            return;
        }
        long wait = limiter.reservePermission();
        if (wait < 0) {
            scheduler.schedule(() -> tryAcquire(ready), RETRY_RESERVATION_NANOS, TimeUnit.NANOSECONDS);
        } else if (wait == 0) {
            ready.complete(null);
        } else {
            scheduler.schedule(() -> afterReservation(ready), wait, TimeUnit.NANOSECONDS);
        }
    }

    private void afterReservation(CompletableFuture<Void> ready) {
        // A 130429 while waiting: the reserved permit is forfeited, the pause wins.
        if (pausedUntil.get() - System.nanoTime() > 0) {
            tryAcquire(ready);
        } else {
            ready.complete(null);
        }
    }

    /** Marks token and account errors for the circuit breaker. */
    static final class AccountBlockedException extends RuntimeException {
        AccountBlockedException(String message) {
            super(message, null, false, false);
        }
    }
}
