package io.wabridge.bench.scenario;

import io.wabridge.bench.report.Figure;
import io.wabridge.bench.report.Format;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the transformers cost per turn: the pass with them against the pass without, measured
 * back to back in one scenario on the same machine (differences hold better than either figure
 * alone when other work shares the cores). And the rule that the transformers really ran.
 */
final class TransformerCost {

    static final String PREFIX = "transformers: ";

    private TransformerCost() {
    }

    /** The cost rows; a row whose figures one of the passes lacks (it failed early) is left out. */
    static List<Figure> rows(ProcessorPass.Outcome plain, ProcessorPass.Outcome transformed) {
        List<Figure> rows = new ArrayList<>();
        String with = transformed.processor();
        String without = plain.processor();
        both(plain, transformed, ProcessorPass.cpuPerTurn(without), ProcessorPass.cpuPerTurn(with)).ifPresent(pair -> rows.add(
                Figure.info(PREFIX + "processor CPU per turn" + ProcessorPass.AT_TARGET, Math.round(pair[1] - pair[0]), "µs",
                        with + " " + Format.number(pair[1]) + " µs − " + without + " " + Format.number(pair[0]) + " µs")));
        for (String percentile : List.of("p50", "p99")) {
            both(plain, transformed, ProcessorPass.latency(without, percentile), ProcessorPass.latency(with, percentile))
                    .ifPresent(pair -> rows.add(Figure.info(PREFIX + "added turn latency " + percentile + ProcessorPass.AT_TARGET,
                            round(pair[1] - pair[0]), "ms",
                            with + " " + Format.number(pair[1]) + " ms − " + without + " " + Format.number(pair[0]) + " ms")));
        }
        both(plain, transformed, ProcessorPass.turnsAtTarget(without), ProcessorPass.turnsAtTarget(with)).ifPresent(pair -> rows.add(
                Figure.info(PREFIX + "turns/s" + ProcessorPass.AT_TARGET + " offered, with − without", Math.round(pair[1] - pair[0]),
                        "turns/s", Format.number(pair[1]) + " − " + Format.number(pair[0]))));
        both(plain, transformed, without + " max turns/s", with + " max turns/s").filter(pair -> pair[0] > 0).ifPresent(pair -> rows.add(
                Figure.info(PREFIX + "max turns/s, with / without", round(pair[1] / pair[0]), "ratio",
                        Format.number(pair[1]) + " / " + Format.number(pair[0]))));
        rows.add(Figure.info(PREFIX + "replies through both hooks", transformed.marked(), "records",
                "of " + transformed.replies() + " replies of " + with + ": text ending with \"" + BenchTransformer.MARK.strip()
                        + "\" (handleInput's tag, echoed by the bot, then handleOutput's)"));
        return List.copyOf(rows);
    }

    /** Why the transformer pass is invalid: a reply that did not go through both hooks (a hook failed, or never ran). */
    static Optional<String> problem(ProcessorPass.Outcome transformed) {
        if (transformed.replies() == 0) {
            return Optional.of("transformers: no replies, so no proof the hooks ran");
        }
        List<Long> untransformed = transformed.unmarked();
        long measured = untransformed.stream().filter(sequence -> sequence >= transformed.warmUpEvents()).count();
        return untransformed.isEmpty() ? Optional.empty() : Optional.of("transformers: " + untransformed.size() + " of "
                + transformed.replies() + " replies (" + measured + " of them after the warm-up) did not go through both hooks (no \""
                + BenchTransformer.MARK.strip() + "\"; see " + transformed.processor() + ".log for transformer errors)");
    }

    private static Optional<double[]> both(ProcessorPass.Outcome plain, ProcessorPass.Outcome transformed, String plainName, String transformedName) {
        Optional<Figure> a = figure(plain, plainName);
        Optional<Figure> b = figure(transformed, transformedName);
        return a.isPresent() && b.isPresent() ? Optional.of(new double[] {a.get().value(), b.get().value()}) : Optional.empty();
    }

    private static Optional<Figure> figure(ProcessorPass.Outcome outcome, String name) {
        return outcome.figures().stream().filter(figure -> figure.name().equals(name)).findFirst();
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
