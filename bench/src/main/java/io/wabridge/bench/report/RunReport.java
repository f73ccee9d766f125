package io.wabridge.bench.report;

import io.wabridge.bench.scenario.ScenarioResult;
import java.util.List;
import java.util.Map;

/**
 * A whole run.
 *
 * @param started     ISO-8601 UTC
 * @param setup       how processes, load and producer were set up
 * @param loadAfter   the load average when the run ended (the machine's is from its start)
 * @param loadAfterScenario the load average when each scenario ended
 * @param otherCoresByScenario cores' worth of CPU that other work on the machine used while each scenario ran
 * @param comparisons figures across scenarios (ratios to the ceilings)
 */
public record RunReport(String started, double elapsedSeconds, String profile, String sustainedRule, Map<String, Object> setup,
        Machine machine,
        List<Double> loadAfter, Map<String, List<Double>> loadAfterScenario, Map<String, Double> otherCoresByScenario,
        List<ScenarioResult> scenarios,
        List<Figure> comparisons) {

    public boolean valid() {
        return scenarios.stream().allMatch(ScenarioResult::valid);
    }
}
