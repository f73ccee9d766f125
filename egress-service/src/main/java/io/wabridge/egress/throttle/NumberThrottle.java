package io.wabridge.egress.throttle;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import io.wabridge.egress.graph.ErrorClass;
import io.wabridge.egress.graph.GraphResult;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything that limits one phone number as a whole: its throughput budget (a resilience4j
 * {@link AtomicRateLimiter}), the pause after Meta's 130429 throughput error, and a
 * {@link CircuitBreaker} that opens on token or account errors.
 *
 * <p>The rate limiter hands out one permit per cycle, slightly fewer cycles per second than the
 * budget (see {@link ThroughputSettings#permitsPerSecond}): the budget then holds for every
 * sliding one-second window, not only for aligned seconds, even with some network jitter, and
 * at least 95 % of it is usable (76 of 80, 969 of 1000).
 *
 * <p>Permits are taken at the moment of sending, never reserved ahead: a reserved permit whose
 * wake-up runs late (GC, a busy CPU) would go out bunched with the next ones and overshoot the
 * budget; a late taker only loses throughput. Waiters queue in arrival order and one drain, woken
 * by the scheduler at the next cycle, hands out permits; waiting holds no thread.
 */
public class NumberThrottle {

    private static final Logger log = LoggerFactory.getLogger(NumberThrottle.class);
    private static final long MIN_WAKE_UP_NANOS = TimeUnit.MICROSECONDS.toNanos(50);

    private final String phoneNumberId;
    private final double headroom;
    private volatile int instanceBudget;
    private volatile AtomicRateLimiter limiter;
    private final CircuitBreaker circuit;
    private final ScheduledExecutorService scheduler;
    private final Duration throttledBackoff;
    private final Duration throttledMaxBackoff;
    private final AtomicLong pausedUntil = new AtomicLong(System.nanoTime());
    private final AtomicInteger throttledInRow = new AtomicInteger();
    private final Queue<CompletableFuture<Void>> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean wakeUpScheduled = new AtomicBoolean();

    NumberThrottle(String phoneNumberId, int instanceBudget, ThroughputSettings settings, ScheduledExecutorService scheduler) {
        this.phoneNumberId = phoneNumberId;
        this.scheduler = scheduler;
        this.throttledBackoff = settings.throttledBackoff();
        this.throttledMaxBackoff = settings.throttledMaxBackoff();
        this.headroom = settings.headroom();
        this.instanceBudget = instanceBudget;
        this.limiter = limiter(phoneNumberId, instanceBudget, headroom);
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

    private static AtomicRateLimiter limiter(String phoneNumberId, int instanceBudget, double headroom) {
        return new AtomicRateLimiter("number-" + phoneNumberId, RateLimiterConfig.custom()
                .limitForPeriod(1)
                .limitRefreshPeriod(Duration.ofNanos(TimeUnit.SECONDS.toNanos(1)
                        / ThroughputSettings.permitsPerSecond(instanceBudget, headroom)))
                .timeoutDuration(Duration.ZERO) // never block, never reserve ahead: see the class comment
                .build());
    }

    /**
     * Sends at {@code newBudget} from now on (the instance's share changed, at a rebalance). The new
     * limiter's first permit is available at once, so the second around the change can carry one
     * message more than either rate allows; for budgets of about 34/s and more the headroom covers it.
     */
    void rebudget(int newBudget) {
        if (newBudget != instanceBudget) {
            instanceBudget = newBudget;
            limiter = limiter(phoneNumberId, newBudget, headroom);
            drain();
        }
    }

    /** Messages per second this instance may send for the number now. */
    public int instanceBudget() {
        return instanceBudget;
    }

    /**
     * Completes once this number may send one message: not paused, and a permit taken. Waiters
     * are served in arrival order.
     */
    public CompletableFuture<Void> acquire() {
        CompletableFuture<Void> ready = new CompletableFuture<>();
        waiting.add(ready);
        drain();
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

    /** The circuit's state as resilience4j names it: {@code CLOSED}, {@code OPEN}, {@code HALF_OPEN}. */
    public String circuitState() {
        return circuit.getState().name();
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

    /** Hands out permits to the waiters; one thread at a time, the others leave their waiter queued. */
    private void drain() {
        while (draining.compareAndSet(false, true)) {
            long wakeUpIn;
            try {
                wakeUpIn = grant();
            } finally {
                draining.set(false);
            }
            if (wakeUpIn > 0) {
                wakeUpAfter(wakeUpIn);
                return;
            }
            if (waiting.isEmpty()) {
                return; // else a waiter arrived while we were finishing: loop and serve it
            }
        }
    }

    /** Grants permits while there are any; returns the nanos until the next may exist, or 0 with nobody waiting. */
    private long grant() {
        while (!waiting.isEmpty()) {
            long paused = pausedUntil.get() - System.nanoTime();
            if (paused > 0) {
                return paused;
            }
            AtomicRateLimiter current = limiter;
            if (!current.acquirePermission()) {
                return Math.max(MIN_WAKE_UP_NANOS, current.getDetailedMetrics().getNanosToWait());
            }
            CompletableFuture<Void> next = waiting.poll();
            if (next != null) {
                next.complete(null);
            }
        }
        return 0;
    }

    private void wakeUpAfter(long nanos) {
        if (wakeUpScheduled.compareAndSet(false, true)) {
            scheduler.schedule(() -> {
                wakeUpScheduled.set(false);
                drain();
            }, nanos, TimeUnit.NANOSECONDS);
        }
    }

    /** Marks token and account errors for the circuit breaker. */
    static final class AccountBlockedException extends RuntimeException {
        AccountBlockedException(String message) {
            super(message, null, false, false);
        }
    }
}
