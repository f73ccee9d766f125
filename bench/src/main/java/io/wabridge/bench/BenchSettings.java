package io.wabridge.bench;

import io.wabridge.bench.process.Args;
import io.wabridge.bench.scenario.Profile;
import io.wabridge.bench.scenario.Sustainability;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * What to run and where results go.
 *
 * @param scenarios  scenario names, in order
 * @param profile    durations and rates: {@link Profile#QUICK} or {@link Profile#FULL}
 * @param rule       when a step counts as sustained
 * @param outputDir  JSON results, logs and broker data of the run
 * @param flightRecording {@code --jfr}: a Java Flight Recording of every child process, next to its log
 */
public record BenchSettings(List<String> scenarios, Profile profile, Sustainability rule, Path outputDir, boolean flightRecording) {

    static final List<String> DEFAULT_SCENARIOS = List.of("http-ceiling", "producer-ceiling", "ingress", "processor", "egress", "end-to-end");

    static BenchSettings from(Args args, Path defaultOutput) {
        List<String> scenarios = args.options().containsKey("scenario")
                ? Arrays.stream(args.required("scenario").split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList()
                : DEFAULT_SCENARIOS;
        Profile profile = args.flag("quick") ? Profile.QUICK : Profile.FULL;
        Sustainability rule = new Sustainability(
                args.getDouble("p99-limit-ms", Sustainability.DEFAULT.p99LimitMs()),
                args.getDouble("max-error-ratio", Sustainability.DEFAULT.maxErrorRatio()),
                Sustainability.DEFAULT.minAchievedRatio());
        return new BenchSettings(scenarios, profile, rule, Path.of(args.get("out", defaultOutput.toString())), args.flag("jfr"));
    }
}
