package io.wabridge.bench.scenario;

import io.wabridge.bench.load.PhaseResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the highest sustained open-loop rate: doubles the rate from the first step until a step
 * fails (or the maximum is reached), then bisects between the last sustained and the first
 * failed rate a few times. The answer is always a rate that was run and sustained (0 if none was).
 *
 * <p>A failed step is run once more before the rate counts as failed: on a shared machine a burst
 * of someone else's work can push one step's p99 over the limit, and an overloaded system fails
 * the second time too. Every scenario gets the same second chance, so ratios stay fair.
 */
public final class RateSearch {

    /** Runs one open-loop step at a rate. */
    @FunctionalInterface
    public interface StepRunner {
        PhaseResult run(double ratePerSecond) throws Exception;
    }

    /**
     * @param maxSustained the highest sustained rate, 0 when not even the lowest step was
     * @param best         that step's result (null when none was sustained)
     * @param steps        every step in the order run
     * @param limitedByMax true when the maximum rate was sustained: the real limit is higher
     */
    public record Result(double maxSustained, PhaseResult best, List<PhaseResult> steps, boolean limitedByMax) {
    }

    private RateSearch() {
    }

    public static Result search(StepRunner runner, Sustainability rule, double firstRate, double maxRate, int refinements)
            throws Exception {
        List<PhaseResult> steps = new ArrayList<>();
        double sustained = 0;
        PhaseResult best = null;
        double failed = Double.NaN;
        for (double rate = firstRate; rate <= maxRate; rate *= 2) {
            PhaseResult step = runTwiceIfFailed(runner, rule, rate, steps);
            if (!rule.sustained(step)) {
                failed = rate;
                break;
            }
            sustained = rate;
            best = step;
        }
        for (int i = 0; i < refinements && !Double.isNaN(failed); i++) {
            double middle = roundRate((sustained + failed) / 2);
            if (middle <= sustained || middle >= failed) {
                break;
            }
            PhaseResult step = runTwiceIfFailed(runner, rule, middle, steps);
            if (rule.sustained(step)) {
                sustained = middle;
                best = step;
            } else {
                failed = middle;
            }
        }
        return new Result(sustained, best, List.copyOf(steps), Double.isNaN(failed));
    }

    private static PhaseResult runTwiceIfFailed(StepRunner runner, Sustainability rule, double rate, List<PhaseResult> steps)
            throws Exception {
        PhaseResult step = runner.run(rate);
        steps.add(step);
        if (rule.sustained(step)) {
            return step;
        }
        PhaseResult again = runner.run(rate);
        steps.add(again);
        return again;
    }

    /** To 2 significant digits, so steps read as 6,000/s or 750/s, never 6,137.5/s. */
    static double roundRate(double rate) {
        if (rate <= 0) {
            return 0;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(rate)) - 1);
        return Math.round(rate / magnitude) * magnitude;
    }
}
