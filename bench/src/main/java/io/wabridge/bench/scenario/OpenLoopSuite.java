package io.wabridge.bench.scenario;

import io.wabridge.bench.load.LoadGenerator;
import io.wabridge.bench.load.LoadPhase;
import io.wabridge.bench.load.PhaseResult;
import io.wabridge.bench.report.Figure;
import io.wabridge.bench.report.Format;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The phases every request/answer scenario runs: a warm-up, a latency phase at the reference rate
 * (1,000/s), and the search for the highest sustained rate.
 *
 * @param phases  all of them, in order
 * @param latency the latency phase
 * @param cpu     CPU per request of each process during the latency phase
 * @param search  the max-rate search
 */
record OpenLoopSuite(List<PhaseResult> phases, PhaseResult latency, List<Figure> cpu, RateSearch.Result search) {

    static OpenLoopSuite run(LoadGenerator generator, ScenarioContext context) throws Exception {
        Profile profile = context.profile();
        List<PhaseResult> phases = new ArrayList<>();
        phases.addAll(warmUp(generator, profile));
        CpuMeter cpu = CpuMeter.start(context);
        PhaseResult latency = generator.run(LoadPhase.openLoopToEnd("latency@" + (long) profile.latencyRate(),
                profile.latencyRate(), profile.latencyMillis()));
        List<Figure> cpuFigures = cpu.perRequest(latency.sent(), "@" + Format.number(latency.ratePerSecond()) + "/s");
        phases.add(latency);
        RateSearch.Result search = RateSearch.search(rate -> {
            Thread.sleep(profile.pauseMillis());
            return generator.run(LoadPhase.openLoop("step@" + (long) rate, rate, profile.stepMillis()));
        }, context.rule(), profile.firstStep(), profile.maxRate(), profile.refinements());
        phases.addAll(search.steps());
        return new OpenLoopSuite(List.copyOf(phases), latency, cpuFigures, search);
    }

    /**
     * A ramp to the warm-up rate (a quarter, half, then all of it, a third of the time each): a
     * cold JVM interprets its code at first, and a full-rate start would bury it in a backlog
     * that says nothing about its warm speed.
     */
    static List<PhaseResult> warmUp(LoadGenerator generator, Profile profile) throws Exception {
        List<PhaseResult> phases = new ArrayList<>();
        long third = profile.warmupMillis() / 3;
        for (double share : new double[] {0.25, 0.5, 1}) {
            double rate = profile.warmupRate() * share;
            phases.add(generator.run(LoadPhase.openLoopToEnd("warm-up@" + (long) rate, rate, third)));
        }
        Thread.sleep(profile.pauseMillis());
        return phases;
    }

    /** Latency percentiles of the reference-rate phase as figures, {@code p99Target} (ms) on the p99 when positive. */
    List<Figure> latencyFigures(String what, double p99Target) {
        String at = " @" + Format.number(latency.ratePerSecond()) + "/s";
        String note = latency.ok() + " answers after the warm-up, latency from intended send time";
        return List.of(
                Figure.info(what + " p50" + at, latency.latency().p50(), "ms", note),
                p99Target > 0
                        ? Figure.atMost(what + " p99" + at, latency.latency().p99(), "ms", p99Target, note)
                        : Figure.info(what + " p99" + at, latency.latency().p99(), "ms", note),
                Figure.info(what + " p99.9" + at, latency.latency().p999(), "ms", note));
    }

    /** p99 at the highest sustained rate, when one was sustained. */
    List<Figure> atMaxFigures(String what) {
        PhaseResult best = search.best();
        if (best == null) {
            return List.of();
        }
        return List.of(Figure.info(what + " p99 at max sustained rate", best.latency().p99(), "ms",
                best.ok() + " answers at " + Format.number(best.ratePerSecond()) + "/s"));
    }

    /** "1,000 ok, 2,000 ok, 4,000 failed (p99 180 ms > 100 ms)": how the search went. */
    String searchNote(Sustainability rule) {
        return search.steps().stream()
                .map(step -> Format.number(step.ratePerSecond()) + (rule.sustained(step) ? " ok" : " failed ("
                        + String.join("; ", rule.problems(step)) + ")"))
                .collect(Collectors.joining(", "))
                + (search.limitedByMax() ? "; the search's maximum was reached" : "");
    }

    /** Problems that make the run invalid: rejected requests (a harness bug) and errors at the reference rate. */
    List<String> problems(Sustainability rule) {
        List<String> problems = new ArrayList<>();
        for (PhaseResult phase : phases) {
            if (phase.clientErrors() > 0) {
                problems.add(phase.name() + ": " + phase.clientErrors() + " requests rejected with 4xx " + phase.otherStatuses());
            }
        }
        if (latency.errorRatio() > rule.maxErrorRatio() || latency.aborted()) {
            problems.add(latency.name() + ": " + latency.errors() + " errors of " + latency.sent()
                    + (latency.aborted() ? ", aborted (backlog)" : "") + " at the reference rate");
        }
        return problems;
    }

    long okTotal() {
        return phases.stream().mapToLong(PhaseResult::ok).sum();
    }

    long sentTotal() {
        return phases.stream().mapToLong(PhaseResult::sent).sum();
    }
}
