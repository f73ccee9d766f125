package io.wabridge.bench.scenario;

import io.wabridge.bench.load.LatencySummary;
import io.wabridge.bench.load.PhaseResult;
import java.util.Map;

/** Phase results made up for tests. */
final class Steps {

    private Steps() {
    }

    static PhaseResult step(double rate, double p99, long errors, boolean aborted) {
        long sent = (long) rate;
        return new PhaseResult("step@" + (long) rate, rate, 1000, sent, sent, sent - errors, errors, Map.of(), 0, 0, aborted,
                aborted ? rate / 2 : rate, new LatencySummary(sent - errors, p99 / 4, p99 / 2, p99, p99 * 1.5, p99 * 2, p99 / 3));
    }

    /** A system that keeps up to {@code capacity}/s and falls behind above. */
    static PhaseResult systemWithCapacity(double capacity, double rate) {
        return rate <= capacity ? step(rate, 10, 0, false) : step(rate, 900, 0, true);
    }
}
