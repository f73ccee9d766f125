package io.wabridge.bench;

import io.wabridge.bench.scenario.Profile;
import io.wabridge.bench.scenario.Sustainability;
import java.nio.file.Path;
import java.util.List;

/**
 * What to run and where results go ({@link BenchCommand} reads them from the command line).
 *
 * @param scenarios  scenario names, in order
 * @param profile    durations and rates: {@link Profile#QUICK} or {@link Profile#FULL}
 * @param rule       when a step counts as sustained
 * @param outputDir  JSON results, logs and broker data of the run
 * @param flightRecording {@code --jfr}: a Java Flight Recording of every child process, next to its log
 */
public record BenchSettings(List<String> scenarios, Profile profile, Sustainability rule, Path outputDir, boolean flightRecording) {

    public BenchSettings {
        scenarios = List.copyOf(scenarios);
    }
}
