package io.wabridge.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.wabridge.bench.load.LatencySummary;
import io.wabridge.bench.load.PhaseResult;
import io.wabridge.bench.report.Figure;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TransformerCostTest {

    /** 250 warm-up events: sequence numbers 0–249. */
    private static final PhaseResult WARM_UP = new PhaseResult("warm-up@250", 250, 1000, 250, 250, 250, 0, Map.of(), 0, 0, false, 250,
            LatencySummary.empty());

    private static final ProcessorPass.Outcome PLAIN = outcome("processor", 980, 412, 221.5, 310.0, 499, 1200, List.of());
    private static final ProcessorPass.Outcome WITH_JS = outcome("processor-js", 940, 1630, 224.0, 362.5, 497, 1200, List.of());

    @Test
    void rowsAreTheDifferencesOfTheTwoPasses() {
        List<Figure> rows = TransformerCost.rows(PLAIN, WITH_JS);

        assertThat(rows).extracting(Figure::name, Figure::value, Figure::unit).containsExactly(
                tuple("transformers: processor CPU per turn @500/s", 1218.0, "µs"),
                tuple("transformers: added turn latency p50 @500/s", 2.5, "ms"),
                tuple("transformers: added turn latency p99 @500/s", 52.5, "ms"),
                tuple("transformers: turns/s @500/s offered, with − without", -2.0, "turns/s"),
                tuple("transformers: max turns/s, with / without", 0.96, "ratio"),
                tuple("transformers: replies through both hooks", 1200.0, "records"));
        assertThat(rows.get(0).note()).isEqualTo("processor-js 1,630 µs − processor 412 µs");
    }

    @Test
    void aPassWithoutItsFiguresGivesNoDifferenceOnlyTheCount() {
        ProcessorPass.Outcome failed = new ProcessorPass.Outcome("processor-js", List.of(), List.of(), List.of(), List.of(), 0, List.of());
        assertThat(TransformerCost.rows(PLAIN, failed)).extracting(Figure::name)
                .containsExactly("transformers: replies through both hooks");
    }

    @Test
    void validOnlyWhenEveryReplyWentThroughBothHooks() {
        assertThat(TransformerCost.problem(WITH_JS)).isEmpty();
        assertThat(TransformerCost.problem(outcome("processor-js", 940, 1630, 224, 362, 497, 1200, List.of(3L, 250L, 251L))))
                .hasValueSatisfying(problem -> assertThat(problem)
                        .startsWith("transformers: 3 of 1200 replies (2 of them after the warm-up) did not go through both hooks"));
        assertThat(TransformerCost.problem(outcome("processor-js", 940, 1630, 224, 362, 497, 0, List.of()))).isPresent();
    }

    private static ProcessorPass.Outcome outcome(String processor, double maxRate, double cpu, double p50, double p99, double turns,
            long replies, List<Long> unmarked) {
        List<Figure> figures = List.of(
                Figure.info(processor + " max turns/s", maxRate, "turns/s", null),
                Figure.info(ProcessorPass.turnsAtTarget(processor), turns, "turns/s", null),
                Figure.info(ProcessorPass.latency(processor, "p50"), p50, "ms", null),
                Figure.info(ProcessorPass.latency(processor, "p99"), p99, "ms", null),
                Figure.info(ProcessorPass.cpuPerTurn(processor), cpu, "µs", null));
        return new ProcessorPass.Outcome(processor, figures, List.of(), List.of(WARM_UP), List.of(), replies, unmarked);
    }
}
