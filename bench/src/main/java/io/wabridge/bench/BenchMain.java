package io.wabridge.bench;

import io.wabridge.bench.report.Comparisons;
import io.wabridge.bench.report.JsonReport;
import io.wabridge.bench.process.ProcessStats;
import io.wabridge.bench.report.Machine;
import io.wabridge.bench.report.MachineCpu;
import io.wabridge.bench.report.RunReport;
import io.wabridge.bench.report.TableReport;
import io.wabridge.bench.scenario.Scenario;
import io.wabridge.bench.scenario.ScenarioContext;
import io.wabridge.bench.scenario.ScenarioResult;
import io.wabridge.bench.scenario.Scenarios;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar bench/target/wabridge-bench.jar [--scenario a,b] [--quick] [--out dir]
 * [--p99-limit-ms 100] [--max-error-ratio 0.001] [--jfr] [--help]} (options: {@link BenchCommand}):
 * runs the scenarios one after another, prints the table on standard output, writes JSON. Exit 0
 * for a valid run whatever its figures, 1 for an invalid one (errors, lost or duplicated records, a
 * crashed process), 2 for bad arguments.
 */
public final class BenchMain {

    /** The harness's logging set-up (standard error only); set before the first logger exists. */
    static final String LOGGING = "bench-logback.xml";

    static {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", LOGGING);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(BenchMain.class);

    private BenchMain() {
    }

    public static void main(String[] argv) {
        System.exit(BenchCommand.commandLine(defaultOutput()).execute(argv));
    }

    static boolean run(BenchSettings settings, List<Scenario> scenarios, PrintStream out) throws Exception {
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Machine machine = Machine.current();
        Path runDir = settings.outputDir().resolve("run-" + started.toString().replace(":", ""));
        log.info("profile {}, scenarios {}, output in {}", settings.profile().name(), settings.scenarios(), runDir);
        List<ScenarioResult> results = new ArrayList<>();
        Map<String, List<Double>> loadAfterScenario = new LinkedHashMap<>();
        Map<String, Double> otherCores = new LinkedHashMap<>();
        for (Scenario scenario : scenarios) {
            MachineCpu machineBefore = MachineCpu.now();
            double harnessBefore = harnessCpuSeconds();
            log.info("scenario {}: {}", scenario.name(), scenario.description());
            Path dir = Files.createDirectories(runDir.resolve(scenario.name()));
            try (ScenarioContext context = new ScenarioContext(settings.profile(), settings.rule(), dir, settings.flightRecording())) {
                results.add(scenario.run(context));
            } catch (Exception e) {
                log.error("scenario {} failed", scenario.name(), e);
                results.add(new ScenarioResult(scenario.name(), scenario.description(), List.of(), List.of(), List.of(),
                        List.of("failed: " + e)));
            }
            ScenarioResult result = results.get(results.size() - 1);
            double own = harnessCpuSeconds() - harnessBefore
                    + result.processes().stream().mapToDouble(ProcessStats::cpuSeconds).sum();
            otherCores.put(scenario.name(), MachineCpu.now().otherCoresSince(machineBefore, own));
            deleteBrokerData(dir);
            loadAfterScenario.put(scenario.name(), Machine.currentLoadAverage());
        }
        double elapsed = (Instant.now().toEpochMilli() - started.toEpochMilli()) / 1000.0;
        RunReport report = new RunReport(started.toString(), elapsed, settings.profile().name(), describe(settings),
                Scenarios.setup(),
                machine, Machine.currentLoadAverage(), loadAfterScenario, otherCores, List.copyOf(results),
                Comparisons.of(results));
        new TableReport(out).print(report);
        Path json = JsonReport.write(report, settings.outputDir());
        log.info("results written to {}; logs of every process in {}", json, runDir);
        return report.valid();
    }

    private static double harnessCpuSeconds() {
        return ProcessHandle.current().info().totalCpuDuration().map(duration -> duration.toNanos() / 1e9).orElse(0.0);
    }

    private static String describe(BenchSettings settings) {
        return String.format(Locale.ROOT, "p99 <= %s ms, errors <= %s %%, achieved >= %s %% of the offered rate, no backlog over 1 s",
                settings.rule().p99LimitMs(), settings.rule().maxErrorRatio() * 100, settings.rule().minAchievedRatio() * 100);
    }

    /** The brokers' log segments are big and worthless after the run: only logs and results are kept. */
    private static void deleteBrokerData(Path scenarioDir) {
        deleteFolder(scenarioDir.resolve("kafka-data"));
        try (var passes = Files.list(scenarioDir)) {
            passes.filter(Files::isDirectory).forEach(pass -> deleteFolder(pass.resolve("kafka-data")));
        } catch (Exception e) {
            log.warn("could not list {}", scenarioDir, e);
        }
    }

    private static void deleteFolder(Path data) {
        if (!Files.exists(data)) {
            return;
        }
        try (var files = Files.walk(data)) {
            files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(path -> path.toFile().delete());
        } catch (Exception e) {
            log.warn("could not delete {}", data, e);
        }
    }

    /** {@code target/bench} next to the jar when run from one, else {@code target/bench} in the working directory. */
    private static Path defaultOutput() {
        try {
            Path location = Path.of(BenchMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(location)) {
                return location.getParent().resolve("bench");
            }
        } catch (URISyntaxException | RuntimeException e) {
            log.debug("no code source location", e);
        }
        return Path.of("target", "bench");
    }
}
