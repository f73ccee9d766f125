package io.wabridge.bench;

import io.wabridge.bench.scenario.Profile;
import io.wabridge.bench.scenario.Scenario;
import io.wabridge.bench.scenario.Scenarios;
import io.wabridge.bench.scenario.Sustainability;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The harness's command line, parsed by picocli as the {@code ./wabridge} CLI is: {@code --name value}
 * or {@code --name=value}, {@code --help}, exit 2 with the usage for a command line that cannot
 * run (an unknown option or scenario, a malformed number). Exit 0 for a valid run whatever its
 * figures, 1 for an invalid one.
 */
@Command(name = "bench/run.sh", sortOptions = false, usageHelpAutoWidth = true,
        description = "Runs the benchmark scenarios one after another, prints the table on standard output, writes JSON"
                + " (see docs/benchmarks.md). Exit 0 for a valid run whatever its figures, 1 for an invalid run, 2 for bad arguments.")
final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--scenario", split = ",", paramLabel = "NAME",
            description = "Scenarios to run, in order (default: all, in this order: ${COMPLETION-CANDIDATES}).",
            completionCandidates = ScenarioNames.class)
    List<String> scenarios = new ArrayList<>();

    @Option(names = "--quick", description = "The short profile: 2-s search steps, a 6-s latency phase, one bisection step, smaller backlogs.")
    boolean quick;

    @Option(names = "--p99-limit-ms", paramLabel = "MS", description = "p99 latency limit of a sustained step (default: ${DEFAULT-VALUE}).")
    double p99LimitMs = Sustainability.DEFAULT.p99LimitMs();

    @Option(names = "--max-error-ratio", paramLabel = "RATIO",
            description = "Error share of a sustained step, and at the reference rate beyond which a run is invalid (default: ${DEFAULT-VALUE}).")
    double maxErrorRatio = Sustainability.DEFAULT.maxErrorRatio();

    @Option(names = "--out", paramLabel = "DIR", description = "Where JSON, logs and the brokers' data go (default: target/bench next to the jar).")
    Path out;

    @Option(names = "--jfr", description = "Also record a Java Flight Recording (settings=profile) of every child process, next to its log.")
    boolean flightRecording;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    private final Path defaultOutput;

    BenchCommand(Path defaultOutput) {
        this.defaultOutput = defaultOutput;
    }

    @Override
    public Integer call() throws Exception {
        BenchSettings settings = settings();
        return BenchMain.run(settings, scenarios(settings), new PrintStream(System.out, true, StandardCharsets.UTF_8)) ? 0 : 1;
    }

    BenchSettings settings() {
        List<String> names = scenarios.stream().map(String::trim).filter(name -> !name.isEmpty()).toList();
        return new BenchSettings(names.isEmpty() ? Scenarios.all().stream().map(Scenario::name).toList() : names,
                quick ? Profile.QUICK : Profile.FULL,
                new Sustainability(p99LimitMs, maxErrorRatio, Sustainability.DEFAULT.minAchievedRatio()),
                out == null ? defaultOutput : out, flightRecording);
    }

    /** The named scenarios; an unknown name is a usage error (exit 2), found before anything starts. */
    List<Scenario> scenarios(BenchSettings settings) {
        List<Scenario> found = new ArrayList<>();
        for (String name : settings.scenarios()) {
            found.add(Scenarios.named(name).orElseThrow(() -> new ParameterException(spec.commandLine(),
                    "unknown scenario " + name + "; known: " + String.join(", ", new ScenarioNames()))));
        }
        return found;
    }

    static CommandLine commandLine(Path defaultOutput) {
        return new CommandLine(new BenchCommand(defaultOutput));
    }

    /** Every scenario's name, for {@code --help} and the unknown-scenario message. */
    static final class ScenarioNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Scenarios.all().stream().map(Scenario::name).iterator();
        }
    }
}
