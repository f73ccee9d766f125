package io.wabridge.bench.scenario;

import io.wabridge.bench.process.ChildProcess;
import io.wabridge.bench.process.ThreadCpu;
import io.wabridge.bench.report.Figure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * CPU time each running process spends per request over one phase: where the cores go, and so
 * why a rate is what it is (on 2 shared cores, every microsecond one process spends is one the
 * others do not get).
 */
final class CpuMeter {

    private final List<ChildProcess> processes;
    private final Map<String, Double> before = new LinkedHashMap<>();
    private final long startNanos = System.nanoTime();

    private final Map<String, Map<String, Double>> threadsBefore = new LinkedHashMap<>();

    private CpuMeter(List<ChildProcess> processes) throws InterruptedException {
        this.processes = processes;
        for (ChildProcess process : processes) {
            threadsBefore.put(process.name(), process.threadCpuMillis());
            before.put(process.name(), process.cpuSeconds());
        }
    }

    static CpuMeter start(ScenarioContext context) throws InterruptedException {
        return new CpuMeter(context.running());
    }

    /**
     * "<process> CPU per request @<phase>" in microseconds, for {@code requests} requests since the
     * start, and beside it the same without what the JIT compiler threads spent meanwhile (thread
     * dumps at both ends, {@link ThreadCpu}): a benchmark of minutes still pays for compiling hot code
     * that a service running for days has long compiled; the note gives the GC threads' share too.
     */
    List<Figure> perRequest(long requests, String phase) throws InterruptedException {
        if (requests <= 0) {
            return List.of();
        }
        List<Figure> figures = new ArrayList<>();
        for (ChildProcess process : processes) {
            Map<String, Double> spent = ThreadCpu.between(threadsBefore.get(process.name()), process.threadCpuMillis());
            double seconds = process.cpuSeconds() - before.get(process.name());
            figures.add(Figure.info(process.name() + " CPU per request " + phase, Math.round(seconds * 1e6 / requests), "µs",
                    String.format(Locale.ROOT, "%.2f CPU s for %d requests", seconds, requests)));
            if (!spent.isEmpty()) {
                double jit = ThreadCpu.jitMillis(spent) / 1000;
                double gc = ThreadCpu.gcMillis(spent) / 1000;
                figures.add(Figure.info(process.name() + " CPU per request without the JIT " + phase,
                        Math.round(Math.max(0, seconds - jit) * 1e6 / requests), "µs",
                        String.format(Locale.ROOT, "the compiler threads spent %.2f of the %.2f CPU s, the GC threads %.2f", jit, seconds, gc)));
            }
        }
        return figures;
    }

    /**
     * "<process> idle CPU" in cores (CPU seconds per second since the start) of the processes named
     * in {@code targeted}, against {@code maxCores}; the others (broker, fakes) as information.
     * {@code harnessSeconds}: CPU seconds the harness's own threads spent inside a process over the
     * span (its heap sampler), which no deployment runs; they are left out of the figure and named in its note.
     */
    List<Figure> cores(List<String> targeted, double maxCores, Map<String, Double> harnessSeconds) {
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        return processes.stream()
                .map(process -> {
                    double total = process.cpuSeconds() - before.get(process.name());
                    double harness = harnessSeconds.getOrDefault(process.name(), 0.0);
                    double seconds = Math.max(0, total - harness);
                    double cores = Math.round(seconds / elapsed * 10_000) / 10_000.0;
                    String name = process.name() + " idle CPU";
                    String note = String.format(Locale.ROOT, "%.2f CPU s in %.0f s without traffic", seconds, elapsed)
                            + (harness > 0 ? String.format(Locale.ROOT, " (the process: %.2f s, of which the harness's heap sampler %.2f s,"
                                    + " not counted)", total, harness) : "");
                    return targeted.contains(process.name()) ? Figure.atMost(name, cores, "cores", maxCores, note)
                            : Figure.info(name, cores, "cores", note);
                })
                .toList();
    }

    double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
