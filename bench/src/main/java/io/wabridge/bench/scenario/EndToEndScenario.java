package io.wabridge.bench.scenario;

import io.wabridge.bench.fake.FakeClient;
import io.wabridge.bench.load.LoadGenerator;
import io.wabridge.bench.load.LoadPhase;
import io.wabridge.bench.load.PhaseResult;
import io.wabridge.bench.load.WebhookBodies;
import io.wabridge.bench.process.ProcessStats;
import io.wabridge.bench.report.Figure;
import io.wabridge.bench.report.Format;
import io.wabridge.model.Topics;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Scenario 4: signed webhooks → ingress → {@code whatsapp.inbound} → processor → fake Cognigy
 * (0 ms, echo) → {@code whatsapp.outbound} → egress (message delay 0, budget 1,000/s) → fake Graph
 * API (50 ms). Each webhook's text carries its sequence number and intended send time; the echo
 * bot returns the text and the fake Graph API time-stamps its arrival, so latency is webhook
 * intended send time → Graph request arrival, same wall clock, no correlation table. Open loop at
 * 200/s, then at 1,000/s, after a discarded warm-up; the system drains between phases. Invalid
 * when an acknowledged webhook never reached the Graph API or one reached it twice.
 *
 * <p>Variants: {@link #numbers()} spreads the load over several sending numbers (one endpoint
 * each), so one number's budget is not what limits 1,000/s; {@link #delivered()} orders by
 * delivery, with the fake Graph API sending {@code sent} and {@code delivered} status webhooks to
 * ingress for every message.
 */
public final class EndToEndScenario implements Scenario {

    public static final String NAME = "end-to-end";
    /** Sending numbers of the {@link #numbers()} variant: 250/s each at 1,000/s. */
    static final int NUMBERS = 4;
    static final double LOW_RATE = 200;
    static final double HIGH_RATE = 1000;
    static final double P99_TARGET_MS = 150;
    static final long STALL_MILLIS = 30_000;
    /** The 1,000/s phase is capped so that its backlog (if the machine cannot keep up) drains in minutes. */
    static final long HIGH_RATE_MAX_MILLIS = 20_000;
    /** The ramp (a quarter, half, all of the low rate) and a steady phase at the low rate. */
    private static final int WARM_UP_PHASES = 4;

    private final String name;
    private final String description;
    private final List<Systems.Endpoint> endpoints;
    private final WebhookBodies bodies;
    private final boolean statuses;

    private EndToEndScenario(String name, String description, List<Systems.Endpoint> endpoints, WebhookBodies bodies, boolean statuses) {
        this.name = name;
        this.description = description;
        this.endpoints = List.copyOf(endpoints);
        this.bodies = bodies;
        this.statuses = statuses;
    }

    /** One sending number, {@code accepted} ordering. */
    public EndToEndScenario() {
        this(NAME, "webhook -> ingress -> processor -> fake Cognigy (0 ms) -> egress (delay 0) -> fake Graph API request",
                List.of(Systems.benchEndpoint(1000)), Systems.BODIES, false);
    }

    /** The load spread over {@value #NUMBERS} sending numbers, one endpoint each, budget 1,000/s each. */
    public static EndToEndScenario numbers() {
        return new EndToEndScenario(NAME + "-numbers", "end to end, the webhooks spread over " + NUMBERS
                + " sending numbers (one endpoint each, budget 1,000/s each, one callback URL)",
                Systems.numbers(NUMBERS, 1000), Systems.numbersBodies(NUMBERS), false);
    }

    /** {@code delivered} ordering: each reply waits for the previous one's {@code delivered} status, which the fake sends. */
    public static EndToEndScenario delivered() {
        Systems.Endpoint bench = Systems.benchEndpoint(1000);
        return new EndToEndScenario(NAME + "-delivered", "end to end with delivered ordering: the fake Graph API sends signed sent"
                + " and delivered status webhooks to ingress; egress sends a recipient's next reply after the previous one's delivered",
                List.of(new Systems.Endpoint(bench.id(), bench.phoneNumberId(), bench.messageDelay(), bench.budget(), true)),
                Systems.BODIES, true);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public ScenarioResult run(ScenarioContext context) throws Exception {
        Profile profile = context.profile();
        List<PhaseResult> phases = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<Figure> cpu;
        SendLog graphLog;
        FakeClient.StatusCounts statusCounts;
        try {
            String bootstrap = Systems.broker(context);
            TopicAdmin.create(bootstrap, Topics.INBOUND, 12);
            TopicAdmin.create(bootstrap, Topics.OUTBOUND, 12);
            if (statuses) {
                TopicAdmin.create(bootstrap, Topics.STATUSES, 12);
            }
            FakeClient cognigy = Systems.fake(context, "fake-cognigy", 0, 200);
            String routed = Systems.ingress(context, bootstrap, endpoints);
            // One number: its endpoint's own URL, as scenario 4 always had; several: the one URL routed by phone number id.
            String url = endpoints.size() == 1 ? routed + "/" + endpoints.get(0).id() : routed;
            FakeClient graph = statuses
                    ? Systems.graphWithStatuses(context, EgressScenario.GRAPH_LATENCY_MS, 200, routed)
                    : Systems.fake(context, "fake-graph", EgressScenario.GRAPH_LATENCY_MS, 200);
            Systems.processor(context, bootstrap, cognigy, endpoints);
            Systems.egress(context, bootstrap, graph, endpoints);
            LoadGenerator generator = LoadGenerator.ready(context.start(
                    LoadGenerator.stampedHttp("generator", url, bodies, Systems.CONNECTIONS)));
            long third = profile.warmupMillis() / 3;
            for (double share : new double[] {0.25, 0.5, 1}) {
                double rate = LOW_RATE * share;
                phases.add(generator.run(LoadPhase.openLoopToEnd("warm-up@" + (long) rate, rate, third)));
            }
            // Five service JVMs and two fakes compile their hot code on the same 2 cores: after the ramp
            // alone, latency was still falling through the whole measured minute (p50 ~850 ms in its first
            // 5 s, ~150 ms in its last). A steady phase as long as the measured one gives the JIT its time.
            phases.add(generator.run(LoadPhase.openLoopToEnd("warm-up@" + (long) LOW_RATE + "-steady", LOW_RATE,
                    profile.latencyMillis())));
            awaitDrained(graph, phases, problems);
            CpuMeter meter = CpuMeter.start(context);
            phases.add(generator.run(LoadPhase.openLoopToEnd("e2e@" + (long) LOW_RATE, LOW_RATE, profile.latencyMillis())));
            awaitDrained(graph, phases, problems);
            cpu = meter.perRequest(phases.get(phases.size() - 1).sent(), "@" + Format.number(LOW_RATE) + "/s end to end");
            phases.add(generator.run(LoadPhase.openLoopToEnd("e2e@" + (long) HIGH_RATE, HIGH_RATE,
                    Math.min(profile.latencyMillis(), HIGH_RATE_MAX_MILLIS))));
            awaitDrained(graph, phases, problems);
            Thread.sleep(1000); // a message sent twice would arrive now
            graphLog = new SendLog(graph.requests()).fromAny(endpoints.stream().map(Systems.Endpoint::phoneNumberId).toList());
            graphLog.writeTo(context.dir().resolve("graph-requests.tsv"));
            // Two statuses per message, sent after Graph's answer: the last ones are still on their way.
            statusCounts = statuses ? graph.awaitStatuses(2L * graphLog.size(), STALL_MILLIS) : graph.statusCounts();
            context.deadChildren().forEach(name -> problems.add(name + " died during the run"));
        } finally {
            context.stopAll();
        }
        List<ProcessStats> processes = context.stopAll();

        long sent = phases.stream().mapToLong(PhaseResult::sent).sum();
        long acknowledged = phases.stream().mapToLong(PhaseResult::ok).sum();
        long duplicates = graphLog.duplicates();
        long unstamped = graphLog.unstamped();
        long distinct = graphLog.size() - duplicates - unstamped;
        phases.stream().filter(phase -> phase.clientErrors() > 0)
                .forEach(phase -> problems.add(phase.name() + ": " + phase.clientErrors() + " webhooks rejected with 4xx"));
        if (distinct < acknowledged) {
            problems.add("lost: " + acknowledged + " webhooks acknowledged but only " + distinct + " reached the fake Graph API");
        }
        if (duplicates > 0) {
            problems.add("duplicated: " + duplicates + " messages reached the fake Graph API twice");
        }
        if (unstamped > 0) {
            problems.add(unstamped + " replies without the webhook's stamp reached the fake Graph API: the processor's fallback"
                    + " text instead of the bot's answer (its Cognigy calls failed; see logs/processor.log)");
        }
        List<Figure> figures = new ArrayList<>();
        long first = phases.subList(0, WARM_UP_PHASES).stream().mapToLong(PhaseResult::sent).sum();
        PhaseResult low = phases.get(WARM_UP_PHASES);
        PhaseResult high = phases.get(WARM_UP_PHASES + 1);
        figures.addAll(latencyFigures(graphLog, low, first, P99_TARGET_MS));
        figures.addAll(latencyFigures(graphLog, high, first + low.sent(), 0));
        figures.add(Figure.info("end-to-end order violations", graphLog.orderViolations(), "messages",
                "per user, a reply reaching the Graph API after the reply to the user's later message; webhooks are sent"
                        + " concurrently (200 connections), so order before whatsapp.inbound is not wabridge's; egress order is checked in scenario 3"));
        figures.add(Figure.info("messages at the fake Graph API", graphLog.size(), "requests",
                sent + " webhooks sent, " + acknowledged + " acknowledged, " + duplicates + " twice, " + unstamped + " fallback texts"));
        if (endpoints.size() > 1) {
            figures.addAll(perNumberFigures(graphLog));
        }
        if (statuses) {
            figures.add(statusFigure(graphLog, statusCounts, problems));
        }
        figures.addAll(heldGapFigures(graphLog));
        figures.addAll(cpu);
        for (String service : List.of("ingress", "processor", "egress")) {
            figures.addAll(ServiceHeap.figure(processes, service));
        }
        return new ScenarioResult(name, description(), figures, processes, List.copyOf(phases), problems);
    }

    private static List<Figure> latencyFigures(SendLog log, PhaseResult phase, long firstSequence, double p99Target) {
        Histogram latency = log.stampLatency(firstSequence, firstSequence + phase.sent());
        String at = " @" + Format.number(phase.ratePerSecond()) + "/s";
        String note = latency.getTotalCount() + " of " + phase.sent() + " webhooks, " + Format.number(phase.durationMillis() / 1000.0)
                + " s; from the webhook's intended send time to the Graph API request's arrival";
        double p99 = latency.getValueAtPercentile(99) / 1000.0;
        return List.of(
                Figure.info("end-to-end p50" + at, latency.getValueAtPercentile(50) / 1000.0, "ms", note),
                p99Target > 0 ? Figure.atMost("end-to-end p99" + at, p99, "ms", p99Target, note) : Figure.info("end-to-end p99" + at, p99, "ms", note),
                Figure.info("end-to-end max" + at, latency.getMaxValue() / 1000.0, "ms", note));
    }

    /** The load each number carried and its busiest second: no number near its budget, so the budget is not the limit. */
    private List<Figure> perNumberFigures(SendLog graphLog) {
        int fewest = Integer.MAX_VALUE;
        int most = 0;
        int busiestSecond = 0;
        for (Systems.Endpoint endpoint : endpoints) {
            SendLog number = graphLog.from(endpoint.phoneNumberId());
            fewest = Math.min(fewest, number.size());
            most = Math.max(most, number.size());
            busiestSecond = Math.max(busiestSecond, number.maxInWindow(SendLog.SECOND_MICROS));
        }
        return List.of(
                Figure.info("messages per sending number (fewest / most)", fewest, "requests",
                        "most " + most + "; " + endpoints.size() + " numbers, the webhooks spread evenly"),
                Figure.atMost("busiest number's max sends in any 1-s window", busiestSecond, "requests", endpoints.get(0).budget(),
                        "per-number budget " + endpoints.get(0).budget() + "/s; far below it, the budget is not what limits the rate"));
    }

    /** Status webhooks ingress took; a 4xx means the fake's webhook was wrong, so the run is invalid. */
    private static Figure statusFigure(SendLog graphLog, FakeClient.StatusCounts counts, List<String> problems) {
        if (counts.rejected() > 0) {
            problems.add(counts.rejected() + " status webhooks rejected by ingress with 4xx");
        }
        long expected = 2L * graphLog.size();
        long unanswered = expected - counts.acknowledged() - counts.rejected() - counts.failed();
        return Figure.info("status webhooks acknowledged by ingress", counts.acknowledged(), "webhooks",
                "sent + delivered per message: " + expected + " expected; " + counts.rejected() + " rejected (4xx), "
                        + counts.failed() + " failed (5xx, timeout), " + Math.max(0, unanswered) + " unanswered once no more came for 30 s");
    }

    /**
     * How long a reply that was already on its way waited after the recipient's previous one: from
     * Graph's answer to the previous reply to the next one's arrival, for replies whose webhook was
     * due before that answer. With {@code delivered} ordering it includes the status round trip
     * (fake → ingress → whatsapp.statuses → egress); with {@code accepted} only egress's own
     * hand-over. Only pairs the load happened to overlap count, so the count is part of the figure.
     */
    private static List<Figure> heldGapFigures(SendLog graphLog) {
        Histogram gaps = graphLog.heldGaps();
        String note = gaps.getTotalCount() + " replies whose webhook was due before Graph answered the recipient's previous reply;"
                + " from that answer to this reply's arrival" + (gaps.getTotalCount() == 0 ? " (none overlapped)" : "");
        return List.of(
                Figure.info("held reply gap p50", gaps.getValueAtPercentile(50) / 1000.0, "ms", note),
                Figure.info("held reply gap p99", gaps.getValueAtPercentile(99) / 1000.0, "ms", note),
                Figure.info("held reply gap max", gaps.getMaxValue() / 1000.0, "ms", note));
    }

    /** Waits until every acknowledged webhook so far reached the fake Graph API, or nothing came for 30 s. */
    private static void awaitDrained(FakeClient graph, List<PhaseResult> phases, List<String> problems) throws Exception {
        long acknowledged = phases.stream().mapToLong(PhaseResult::ok).sum();
        long seen = graph.awaitCount(acknowledged, STALL_MILLIS);
        if (seen < acknowledged) {
            problems.add("after " + phases.get(phases.size() - 1).name() + ": " + seen + " of " + acknowledged
                    + " acknowledged webhooks reached the fake Graph API, then nothing for 30 s");
        }
    }
}
