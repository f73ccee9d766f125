package io.wabridge.bench.scenario;

/**
 * How long and how hard a run drives load.
 *
 * @param warmupRate       open-loop rate of the warm-up (results discarded)
 * @param warmupMillis     warm-up length: JIT compilation, connection pools, producer metadata
 * @param latencyRate      the rate latency percentiles are reported at (the issue asks for 1,000/s)
 * @param latencyMillis    length of the latency phase
 * @param firstStep        first rate of the max-rate search; it doubles until a step fails
 * @param maxRate          the search never goes above this
 * @param stepMillis       length of one search step
 * @param pauseMillis      quiet time between steps, so one step's backlog never leaks into the next
 * @param refinements      bisection steps between the last sustained and the first failed rate
 */
public record Profile(String name, double warmupRate, long warmupMillis, double latencyRate, long latencyMillis,
        double firstStep, double maxRate, long stepMillis, long pauseMillis, int refinements) {

    public static final Profile QUICK = new Profile("quick", 1000, 6_000, 1000, 6_000, 1000, 64_000, 2_000, 500, 1);
    public static final Profile FULL = new Profile("full", 1000, 20_000, 1000, 60_000, 1000, 64_000, 10_000, 3_000, 3);
}
