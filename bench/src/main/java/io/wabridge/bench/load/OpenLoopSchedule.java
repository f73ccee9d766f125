package io.wabridge.bench.load;

/**
 * The intended send times of a fixed-rate phase: request {@code i} is due at
 * {@code start + i / rate}, whatever happened to the requests before it.
 *
 * @param startNanos   {@link System#nanoTime()} of request 0
 * @param ratePerSecond requests per second, positive
 * @param count        requests in the phase
 */
public record OpenLoopSchedule(long startNanos, double ratePerSecond, long count) {

    private static final double NANOS_PER_SECOND = 1e9;

    public OpenLoopSchedule {
        if (!(ratePerSecond > 0)) {
            throw new IllegalArgumentException("rate must be positive but was " + ratePerSecond);
        }
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative but was " + count);
        }
    }

    /** A schedule of {@code rate × duration} requests starting at {@code startNanos}. */
    public static OpenLoopSchedule of(long startNanos, double ratePerSecond, long durationMillis) {
        return new OpenLoopSchedule(startNanos, ratePerSecond, (long) Math.floor(ratePerSecond * durationMillis / 1000.0));
    }

    /** When request {@code index} is due. */
    public long intendedNanos(long index) {
        return startNanos + Math.round(index * NANOS_PER_SECOND / ratePerSecond);
    }

    /** How many requests are due at {@code nowNanos} (all of them once the phase is over). */
    public long dueBy(long nowNanos) {
        if (nowNanos < startNanos) {
            return 0;
        }
        long due = (long) Math.floor((nowNanos - startNanos) * ratePerSecond / NANOS_PER_SECOND) + 1;
        // Rounding in intendedNanos may put request `due` a nanosecond earlier or later: settle exactly.
        while (due > 0 && intendedNanos(due - 1) > nowNanos) {
            due--;
        }
        while (due < count && intendedNanos(due) <= nowNanos) {
            due++;
        }
        return Math.min(due, count);
    }
}
