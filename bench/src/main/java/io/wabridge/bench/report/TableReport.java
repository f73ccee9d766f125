package io.wabridge.bench.report;

import io.wabridge.bench.load.PhaseResult;
import io.wabridge.bench.process.HeapStats;
import io.wabridge.bench.process.ProcessStats;
import io.wabridge.bench.scenario.ScenarioResult;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The run as plain-text tables: figures with targets, processes with heap and RSS, every phase, validity. */
public final class TableReport {

    private final PrintStream out;

    public TableReport(PrintStream out) {
        this.out = out;
    }

    public void print(RunReport report) {
        Machine machine = report.machine();
        out.printf(Locale.ROOT, "%nwabridge bench, profile %s, %s%n", report.profile(), report.started());
        out.printf(Locale.ROOT, "machine: %d cores (%s), %,d MB, %s, %s%n", machine.cores(), machine.cpu(), machine.memoryMb(),
                machine.os(), machine.jdk());
        out.printf(Locale.ROOT, "load average (1/5/15 min): %s at start, %s at end; run took %.0f s%n",
                load(machine.loadAverage()), load(report.loadAfter()), report.elapsedSeconds());
        report.setup().forEach((key, value) -> out.printf(Locale.ROOT, "%s: %s%n", key, value));
        out.printf(Locale.ROOT, "sustained = %s%n%n", report.sustainedRule());

        String figureRow = "%-17s %-45s %14s %-11s %-9s %s%n";
        out.printf(Locale.ROOT, figureRow, "scenario", "figure", "value", "unit", "target", "");
        for (ScenarioResult scenario : report.scenarios()) {
            scenario.figures().forEach(figure -> printFigure(figureRow, scenario.name(), figure));
        }
        report.comparisons().forEach(figure -> printFigure(figureRow, "comparison", figure));

        out.printf(Locale.ROOT, "%nprocesses (scenario 5: peak heap and RSS of each process in each scenario)%n");
        String processRow = "%-17s %-10s %10s %13s %8s %12s %8s %6s %11s%n";
        out.printf(Locale.ROOT, processRow, "scenario", "process", "peak heap", "live after GC", "-Xmx", "peak RSS", "CPU s", "GCs",
                "longest GC");
        for (ScenarioResult scenario : report.scenarios()) {
            for (ProcessStats process : scenario.processes()) {
                HeapStats heap = process.heap();
                out.printf(Locale.ROOT, processRow, scenario.name(), process.name(),
                        heap == null ? "-" : mb(heap.peakUsedMb()), heap == null ? "-" : mb(heap.maxAfterGcMb()),
                        heap == null ? "-" : mb(heap.maxMb()), mb(process.peakRssMb()),
                        String.format(Locale.ROOT, "%.1f", process.cpuSeconds()), heap == null ? "-" : Long.toString(heap.gcCount()),
                        heap == null ? "-" : heap.longestGcMillis() + " ms");
            }
        }

        out.printf(Locale.ROOT, "%nphases (latency from intended send time, ms)%n");
        String phaseRow = "%-17s %-14s %9s %9s %8s %9s %7s %8s %8s %8s %8s%n";
        out.printf(Locale.ROOT, phaseRow, "scenario", "phase", "offered/s", "achieved", "ok", "errors", "aborted",
                "p50", "p99", "p99.9", "max");
        for (ScenarioResult scenario : report.scenarios()) {
            for (PhaseResult phase : scenario.phases()) {
                out.printf(Locale.ROOT, phaseRow, scenario.name(), phase.name(),
                        phase.ratePerSecond() > 0 ? Format.number(phase.ratePerSecond()) : "max",
                        Format.number(phase.achievedPerSecond()), Long.toString(phase.ok()), Long.toString(phase.errors()),
                        phase.aborted() ? "yes" : "", Format.number(phase.latency().p50()), Format.number(phase.latency().p99()),
                        Format.number(phase.latency().p999()), Format.number(phase.latency().max()));
            }
        }

        out.println();
        for (ScenarioResult scenario : report.scenarios()) {
            out.printf(Locale.ROOT, "%s: %s (other work on the machine: %s of %d cores; load average at its end: %s)%n",
                    scenario.name(), scenario.valid() ? "valid" : "INVALID: " + String.join("; ", scenario.problems()),
                    Format.number(report.otherCoresByScenario().getOrDefault(scenario.name(), Double.NaN)),
                    report.machine().cores(), load(report.loadAfterScenario().getOrDefault(scenario.name(), List.of())));
        }
        out.printf(Locale.ROOT, "run: %s%n", report.valid() ? "valid" : "INVALID");
    }

    private void printFigure(String row, String scenario, Figure figure) {
        String verdict = figure.met() == null ? "" : figure.met() ? "met" : "MISSED";
        out.printf(Locale.ROOT, row, scenario, figure.name(), Format.number(figure.value()), figure.unit(),
                figure.target() == null ? "" : figure.target(), verdict);
    }

    private static String mb(double value) {
        return value <= 0 ? "-" : String.format(Locale.ROOT, "%.0f MB", value);
    }

    private static String load(List<Double> load) {
        return load.isEmpty() ? "unknown" : load.stream().map(value -> String.format(Locale.ROOT, "%.2f", value))
                .collect(Collectors.joining(" "));
    }
}
