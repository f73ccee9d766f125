package io.wabridge.bench.load;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** Counts one phase's outcomes as they complete, from any thread. */
public final class PhaseTally implements Completion {

    private final LongAdder ok = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final Map<Integer, LongAdder> otherStatuses = new ConcurrentHashMap<>();
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong lastCompletionNanos = new AtomicLong();
    private final Histogram micros = new ConcurrentHistogram(LatencySummary.HIGHEST_MICROS, 3);

    @Override
    public void completed(int status, long intendedNanos) {
        long now = System.nanoTime();
        if (status >= 200 && status < 300) {
            ok.increment();
            long latency = TimeUnit.NANOSECONDS.toMicros(Math.max(0, now - intendedNanos));
            micros.recordValue(Math.min(latency, LatencySummary.HIGHEST_MICROS));
        } else if (status == FAILED) {
            failed.increment();
        } else {
            otherStatuses.computeIfAbsent(status, key -> new LongAdder()).increment();
        }
        lastCompletionNanos.accumulateAndGet(now, Math::max);
        completed.incrementAndGet();
    }

    public long completed() {
        return completed.get();
    }

    long ok() {
        return ok.sum();
    }

    long failed() {
        return failed.sum();
    }

    long lastCompletionNanos() {
        return lastCompletionNanos.get();
    }

    Map<Integer, Long> otherStatuses() {
        Map<Integer, Long> copy = new TreeMap<>();
        otherStatuses.forEach((status, count) -> copy.put(status, count.sum()));
        return copy;
    }

    LatencySummary latency() {
        return LatencySummary.of(micros.copy());
    }
}
