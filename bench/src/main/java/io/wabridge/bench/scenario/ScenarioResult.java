package io.wabridge.bench.scenario;

import io.wabridge.bench.load.PhaseResult;
import io.wabridge.bench.process.ProcessStats;
import io.wabridge.bench.report.Figure;
import java.util.List;

/**
 * What a scenario measured.
 *
 * @param problems why the run is invalid (records lost, requests rejected, a process died); empty when valid
 */
public record ScenarioResult(String name, String description, List<Figure> figures, List<ProcessStats> processes,
        List<PhaseResult> phases, List<String> problems) {

    public boolean valid() {
        return problems.isEmpty();
    }

    /** The figure called {@code name}, or null. */
    public Figure figure(String figureName) {
        return figures.stream().filter(figure -> figure.name().equals(figureName)).findFirst().orElse(null);
    }
}
