package io.wabridge.bench.load;

/**
 * One phase of load, as the harness asks the generator for it.
 *
 * @param name              for the report ("warm-up", "latency@1000", "step@4000")
 * @param ratePerSecond     open-loop rate; 0 = closed loop, as fast as {@code maxOutstanding} allows
 * @param durationMillis    how long requests are scheduled
 * @param maxBacklogMillis  open loop: the phase is aborted once more than this much traffic
 *                          (rate × time) is outstanding, so an overloaded step ends quickly
 * @param maxOutstanding    closed loop: requests in flight at once
 * @param drainMillis       after the last request is scheduled, how long outstanding requests may
 *                          take before they are counted as timed out
 */
public record LoadPhase(String name, double ratePerSecond, long durationMillis, long maxBacklogMillis,
        int maxOutstanding, long drainMillis) {

    /** A step of a rate search: aborted once a second's worth of traffic is outstanding. */
    public static LoadPhase openLoop(String name, double ratePerSecond, long durationMillis) {
        return new LoadPhase(name, ratePerSecond, durationMillis, 1000, 0, 10_000);
    }

    /** A phase that runs to its end whatever the backlog, so its latencies are complete (warm-up, reference rate). */
    public static LoadPhase openLoopToEnd(String name, double ratePerSecond, long durationMillis) {
        return new LoadPhase(name, ratePerSecond, durationMillis, durationMillis + 1000, 0, 30_000);
    }

    public static LoadPhase closedLoop(String name, int maxOutstanding, long durationMillis) {
        return new LoadPhase(name, 0, durationMillis, 0, maxOutstanding, 10_000);
    }

    public boolean isOpenLoop() {
        return ratePerSecond > 0;
    }
}
