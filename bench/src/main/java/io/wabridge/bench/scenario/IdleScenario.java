package io.wabridge.bench.scenario;

import io.wabridge.bench.fake.FakeClient;
import io.wabridge.bench.load.LoadGenerator;
import io.wabridge.bench.load.LoadPhase;
import io.wabridge.bench.load.PhaseResult;
import io.wabridge.bench.process.ChildProcess;
import io.wabridge.bench.process.ProcessStats;
import io.wabridge.bench.process.ThreadCpu;
import io.wabridge.bench.report.Figure;
import io.wabridge.model.Topics;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;

/**
 * The fixed cost: the end-to-end set-up (broker, fakes, ingress, processor, egress) with no
 * traffic. A short warm-up (a service that served messages, then idles, as in production) and a
 * settling time (start-up compilation, first metadata fetches, group joins) come first; then each
 * process's CPU is read twice, a measured span apart: what a service spends per second on poll
 * loops, commits, timers and metrics when nothing happens. CPU time is what the other work on a
 * shared machine distorts least (unlike latency), so this scenario is worth running there.
 *
 * <p>Thread dumps of each service around the span ({@link ThreadCpu}) say which threads spent it
 * ({@code idle-threads.tsv}); the harness's own heap sampler inside each child is left out of the
 * service's figure. Last, a few webhooks 1 s apart: the first one's latency is what the idle
 * settings (poll timeouts, fetch waits) cost the first message after a quiet spell.
 */
public final class IdleScenario implements Scenario {

    public static final String NAME = "idle";
    /** The target per service. */
    static final double MAX_CORES = 0.02;
    static final List<String> SERVICES = List.of("ingress", "processor", "egress");
    private static final long SETTLE_MILLIS = 30_000;
    private static final long QUICK_MEASURE_MILLIS = 30_000;
    private static final long FULL_MEASURE_MILLIS = 60_000;
    private static final double WARM_UP_RATE = 20;
    private static final long WARM_UP_MILLIS = 10_000;
    private static final long PROBES = 5;
    private static final long STALL_MILLIS = 30_000;
    /** Threads the harness itself runs inside every child (ChildSide, HeapWatcher). */
    private static final List<String> HARNESS_THREADS = List.of("heap-watcher", "bench-");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "the end-to-end processes without traffic: each one's CPU per second (cores) after a 10-s warm-up at 20/s and "
                + SETTLE_MILLIS / 1000 + " s settling; then the first message's latency";
    }

    @Override
    public ScenarioResult run(ScenarioContext context) throws Exception {
        List<String> problems = new ArrayList<>();
        List<Figure> figures = new ArrayList<>();
        List<PhaseResult> phases = new ArrayList<>();
        SendLog graphLog;
        long idleMillis = context.profile() == Profile.QUICK ? QUICK_MEASURE_MILLIS : FULL_MEASURE_MILLIS;
        try {
            List<Systems.Endpoint> endpoints = List.of(Systems.benchEndpoint(1000));
            String bootstrap = Systems.broker(context);
            TopicAdmin.create(bootstrap, Topics.INBOUND, 12);
            TopicAdmin.create(bootstrap, Topics.OUTBOUND, 12);
            FakeClient cognigy = Systems.fake(context, "fake-cognigy", 0, 200);
            String routed = Systems.ingress(context, bootstrap, endpoints);
            FakeClient graph = Systems.fake(context, "fake-graph", EgressScenario.GRAPH_LATENCY_MS, 200);
            Systems.processor(context, bootstrap, cognigy, endpoints);
            Systems.egress(context, bootstrap, graph, endpoints);
            LoadGenerator generator = LoadGenerator.ready(context.start(
                    LoadGenerator.stampedHttp("generator", routed + "/" + endpoints.get(0).id(), Systems.BODIES, 8)));
            phases.add(generator.run(LoadPhase.openLoopToEnd("warm-up@20", WARM_UP_RATE, WARM_UP_MILLIS)));
            awaitDelivered(graph, phases, problems);
            Thread.sleep(SETTLE_MILLIS); // the measured span, not a wait for a condition: there is nothing to wait for
            List<ChildProcess> services = context.running().stream().filter(child -> SERVICES.contains(child.name())).toList();
            Map<String, Map<String, Double>> threadsBefore = new HashMap<>();
            for (ChildProcess service : services) {
                threadsBefore.put(service.name(), service.threadCpuMillis());
            }
            CpuMeter meter = CpuMeter.start(context);
            Thread.sleep(idleMillis);
            double elapsed = meter.elapsedSeconds();
            Map<String, Map<String, Double>> threads = new HashMap<>();
            for (ChildProcess service : services) {
                threads.put(service.name(), ThreadCpu.between(threadsBefore.get(service.name()), service.threadCpuMillis()));
            }
            Map<String, Double> harness = new HashMap<>();
            threads.forEach((service, spent) -> harness.put(service, harnessMillis(spent) / 1000));
            List<Figure> cores = meter.cores(SERVICES, MAX_CORES, harness);
            figures.addAll(cores);
            figures.addAll(withoutJit(cores, threads, elapsed));
            figures.addAll(threadFigures(threads, elapsed));
            writeThreads(context, threads, elapsed);
            long before = phases.get(0).sent();
            phases.add(generator.run(LoadPhase.openLoopToEnd("after-idle@1", 1, PROBES * 1000)));
            awaitDelivered(graph, phases, problems);
            Thread.sleep(1000); // a message sent twice would arrive now
            graphLog = new SendLog(graph.requests()).fromAny(List.of(endpoints.get(0).phoneNumberId()));
            graphLog.writeTo(context.dir().resolve("graph-requests.tsv"));
            figures.addAll(firstMessageFigures(graphLog, before, phases.get(1).sent(), idleMillis + SETTLE_MILLIS));
            context.deadChildren().forEach(name -> problems.add(name + " died during the run"));
        } finally {
            context.stopAll();
        }
        List<ProcessStats> processes = context.stopAll();
        long acknowledged = phases.stream().mapToLong(PhaseResult::ok).sum();
        long distinct = graphLog.size() - graphLog.duplicates() - graphLog.unstamped();
        if (distinct < acknowledged) {
            problems.add("lost: " + acknowledged + " webhooks acknowledged but only " + distinct + " reached the fake Graph API");
        }
        if (graphLog.duplicates() > 0) {
            problems.add("duplicated: " + graphLog.duplicates() + " messages reached the fake Graph API twice");
        }
        if (graphLog.unstamped() > 0) {
            problems.add(graphLog.unstamped() + " replies without the webhook's stamp: the processor's fallback text");
        }
        phases.stream().filter(phase -> phase.clientErrors() > 0)
                .forEach(phase -> problems.add(phase.name() + ": " + phase.clientErrors() + " webhooks rejected with 4xx"));
        return new ScenarioResult(NAME, description(), figures, processes, List.copyOf(phases), problems);
    }

    private static void awaitDelivered(FakeClient graph, List<PhaseResult> phases, List<String> problems) throws Exception {
        long acknowledged = phases.stream().mapToLong(PhaseResult::ok).sum();
        long seen = graph.awaitCount(acknowledged, STALL_MILLIS);
        if (seen < acknowledged) {
            problems.add("after " + phases.get(phases.size() - 1).name() + ": " + seen + " of " + acknowledged
                    + " acknowledged webhooks reached the fake Graph API, then nothing for 30 s");
        }
    }

    static double harnessMillis(Map<String, Double> spent) {
        return spent.entrySet().stream()
                .filter(entry -> HARNESS_THREADS.stream().anyMatch(prefix -> entry.getKey().startsWith(prefix)))
                .mapToDouble(Map.Entry::getValue).sum();
    }

    /**
     * Per service, its idle CPU less what the JIT compiler threads spent in the span: idle code
     * paths become hot slowly (a poll loop reaches C2's thresholds after minutes), so 90 s after
     * start the compiler still works; this is where the figure goes once it is done.
     */
    private static List<Figure> withoutJit(List<Figure> cores, Map<String, Map<String, Double>> threads, double elapsed) {
        List<Figure> figures = new ArrayList<>();
        for (String service : SERVICES) {
            Map<String, Double> spent = threads.getOrDefault(service, Map.of());
            double jitCores = ThreadCpu.jitMillis(spent) / 1000 / elapsed;
            cores.stream().filter(figure -> figure.name().equals(service + " idle CPU")).findFirst().ifPresent(figure ->
                    figures.add(Figure.info(service + " idle CPU without the JIT", round(Math.max(0, figure.value() - jitCores)), "cores",
                            String.format(Locale.ROOT, "the compiler threads (C1, C2) spent %.4f cores of it", jitCores))));
        }
        return figures;
    }

    /** Per service, its busiest thread group in cores, the next ones in the note. */
    private static List<Figure> threadFigures(Map<String, Map<String, Double>> threads, double elapsed) {
        List<Figure> figures = new ArrayList<>();
        for (String service : SERVICES) {
            List<Map.Entry<String, Double>> top = busiest(threads.getOrDefault(service, Map.of()));
            if (top.isEmpty()) {
                continue;
            }
            String note = top.stream().limit(8)
                    .map(entry -> String.format(Locale.ROOT, "%s %.4f", entry.getKey(), entry.getValue() / 1000 / elapsed))
                    .collect(Collectors.joining(", ")) + " (cores, from thread dumps; all in idle-threads.tsv)";
            figures.add(Figure.info(service + " idle CPU, busiest thread", round(top.get(0).getValue() / 1000 / elapsed), "cores", note));
        }
        return figures;
    }

    private static List<Map.Entry<String, Double>> busiest(Map<String, Double> spent) {
        return spent.entrySet().stream().filter(entry -> entry.getValue() > 0)
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())).toList();
    }

    private static void writeThreads(ScenarioContext context, Map<String, Map<String, Double>> threads, double elapsed) throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add("process\tthreads\tcpu_ms\tcores");
        for (String service : SERVICES) {
            for (Map.Entry<String, Double> entry : busiest(threads.getOrDefault(service, Map.of()))) {
                lines.add(String.format(Locale.ROOT, "%s\t%s\t%.1f\t%.5f", service, entry.getKey(), entry.getValue(),
                        entry.getValue() / 1000 / elapsed));
            }
        }
        Files.write(context.dir().resolve("idle-threads.tsv"), lines);
    }

    private static List<Figure> firstMessageFigures(SendLog log, long firstSequence, long sent, long quietMillis) {
        Histogram first = log.stampLatency(firstSequence, firstSequence + 1);
        Histogram next = log.stampLatency(firstSequence + 1, firstSequence + sent);
        if (first.getTotalCount() == 0) {
            return List.of();
        }
        return List.of(
                Figure.info("first message after idle", first.getMaxValue() / 1000.0, "ms",
                        "webhook intended send time -> Graph API request arrival, after " + quietMillis / 1000 + " s without traffic"),
                Figure.info("next messages (1 s apart) p50", next.getValueAtPercentile(50) / 1000.0, "ms",
                        next.getTotalCount() + " webhooks, for comparison: the same path without the quiet spell"));
    }

    private static double round(double cores) {
        return Math.round(cores * 10_000) / 10_000.0;
    }
}
