package io.wabridge.bench.scenario;

import io.wabridge.bench.load.PhaseResult;
import io.wabridge.bench.process.ProcessStats;
import io.wabridge.bench.report.Figure;
import java.util.ArrayList;
import java.util.List;

/**
 * Scenario 2 twice, back to back: once as {@code processor} runs it, once with an input and an
 * output transformer on the endpoint ({@link BenchTransformer}, run in GraalJS), each pass on a
 * fresh broker, fake Cognigy and processor; then what the transformers cost per turn
 * ({@link TransformerCost}). Invalid when any pass is, or when a reply of the second did not go
 * through both hooks.
 */
public final class ProcessorTransformersScenario implements Scenario {

    public static final String NAME = "processor-transformers";
    /** The second pass's sub-folder, and its processes' name suffix ({@code processor-js}). */
    static final String PASS = "js";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "processor scenario without, then with an input + output transformer (GraalJS): cost per turn";
    }

    @Override
    public ScenarioResult run(ScenarioContext context) throws Exception {
        ProcessorPass.Outcome plain = ProcessorPass.run(context, List.of(), null);
        ScenarioContext second = context.pass(PASS, "-" + PASS);
        ProcessorPass.Outcome transformed;
        try {
            transformed = ProcessorPass.run(second, BenchTransformer.install(second.dir()), BenchTransformer.MARK);
        } finally {
            second.close();
        }
        List<Figure> figures = new ArrayList<>(plain.figures());
        figures.addAll(transformed.figures());
        figures.addAll(TransformerCost.rows(plain, transformed));
        List<String> problems = new ArrayList<>(plain.problems());
        transformed.problems().forEach(problem -> problems.add(transformed.processor() + " pass: " + problem));
        TransformerCost.problem(transformed).ifPresent(problems::add);
        List<ProcessStats> processes = new ArrayList<>(plain.processes());
        processes.addAll(transformed.processes());
        List<PhaseResult> phases = new ArrayList<>(plain.phases());
        transformed.phases().forEach(phase -> phases.add(new PhaseResult(phase.name() + " (" + transformed.processor() + ")",
                phase.ratePerSecond(), phase.durationMillis(), phase.scheduled(), phase.sent(), phase.ok(), phase.failed(),
                phase.otherStatuses(), phase.abandoned(), phase.timedOut(), phase.aborted(), phase.achievedPerSecond(), phase.latency())));
        return new ScenarioResult(NAME, description(), figures, processes, phases, problems);
    }
}
