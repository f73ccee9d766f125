package io.wabridge.bench.load;

import java.time.Instant;

/**
 * Wall-clock microseconds derived from {@link System#nanoTime()}: read once against
 * {@link Instant#now()} at class load, then as cheap and monotonic as {@code nanoTime}. Processes
 * on one machine share the wall clock, so a time stamped here by the load generator can be
 * compared with one taken by a fake in another process (to within the clock's reading error,
 * microseconds).
 */
public final class EpochClock {

    private static final long OFFSET_MICROS;

    static {
        Instant now = Instant.now();
        long nanos = System.nanoTime();
        OFFSET_MICROS = now.getEpochSecond() * 1_000_000 + now.getNano() / 1000 - nanos / 1000;
    }

    private EpochClock() {
    }

    /** Epoch microseconds of a {@link System#nanoTime()} reading of this JVM. */
    public static long micros(long nanoTime) {
        return OFFSET_MICROS + nanoTime / 1000;
    }

    public static long nowMicros() {
        return micros(System.nanoTime());
    }
}
