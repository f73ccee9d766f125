package io.wabridge.bench.scenario;

import io.wabridge.bench.fake.FakeClient;
import io.wabridge.bench.process.ProcessStats;
import io.wabridge.bench.report.Figure;
import io.wabridge.bench.report.Format;
import io.wabridge.model.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.HdrHistogram.Histogram;

/**
 * Scenario 3: egress-service drains a backlog on {@code whatsapp.outbound} to a fake Graph API
 * answering after 50 ms. One egress process, one endpoint (sending number) per phase, run one after
 * another: a discarded warm-up, a backlog under an 80/s budget, one under 1,000/s, and one with a
 * 2-s message delay to measure same-recipient gaps. The fake time-stamps every request; from those
 * come the achieved rate, the busiest one-second window, gaps and per-recipient order. Invalid when
 * a message is lost, sent twice or reaches the fake out of order.
 */
public final class EgressScenario implements Scenario {

    public static final String NAME = "egress";
    static final int RECIPIENTS = 1000;
    static final long GRAPH_LATENCY_MS = 50;
    /** Achieved rate in % of the budget, under backlog. */
    static final double RATE_SHARE_TARGET = 95;
    static final Duration GAP_DELAY = Duration.ofSeconds(2);
    static final double GAP_TOLERANCE_MS = 50;
    /** Rates are measured after the first second of sending: the rate limiter's and lanes' start. */
    static final long RATE_SKIP_MICROS = SendLog.SECOND_MICROS;

    /** One backlog drained by one endpoint. */
    private record Phase(String label, Systems.Endpoint endpoint, int perRecipient) {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "backlog on whatsapp.outbound -> egress -> fake Graph API (50 ms): budget, window, gaps, order";
    }

    @Override
    public ScenarioResult run(ScenarioContext context) throws Exception {
        boolean quick = context.profile().name().equals("quick");
        Phase warmUp = new Phase("warm-up", new Systems.Endpoint("warm", "100000000000011", Duration.ZERO, 1000), quick ? 1 : 5);
        Phase budget80 = new Phase("budget 80/s", new Systems.Endpoint("budget80", "100000000000012", Duration.ZERO, 80), quick ? 1 : 3);
        Phase budget1000 = new Phase("budget 1,000/s", new Systems.Endpoint("budget1000", "100000000000013", Duration.ZERO, 1000),
                quick ? 10 : 35);
        Phase gap = new Phase("delay " + GAP_DELAY.toMillis() + " ms", new Systems.Endpoint("gap", "100000000000014", GAP_DELAY, 1000),
                quick ? 3 : 10);
        List<Phase> phases = List.of(warmUp, budget80, budget1000, gap);

        List<String> problems = new ArrayList<>();
        List<Figure> figures = new ArrayList<>();
        List<Figure> cpu = List.of();
        SendLog all;
        Set<Long> expected = new HashSet<>();
        long records;
        try {
            String bootstrap = Systems.broker(context);
            TopicAdmin.create(bootstrap, Topics.OUTBOUND, 12);
            FakeClient graph = Systems.fake(context, "fake-graph", GRAPH_LATENCY_MS, 200);
            Systems.egress(context, bootstrap, graph, phases.stream().map(Phase::endpoint).toList());
            long first = 0;
            for (Phase phase : phases) {
                CpuMeter meter = CpuMeter.start(context);
                expected.addAll(OutboundBacklog.write(bootstrap, phase.endpoint(), RECIPIENTS, phase.perRecipient(), first));
                first += (long) RECIPIENTS * phase.perRecipient();
                long seen = graph.awaitCount(first, 30_000);
                if (seen < first) {
                    problems.add(phase.label() + ": the fake Graph API got " + seen + " of " + first + " messages so far, then nothing for 30 s");
                    break;
                }
                if (phase == budget1000) {
                    cpu = meter.perRequest(RECIPIENTS * (long) phase.perRecipient(), "@1,000/s budget");
                }
            }
            Thread.sleep(1000); // anything sent twice arrives now, not after the count
            all = new SendLog(graph.requests());
            all.writeTo(context.dir().resolve("graph-requests.tsv"));
            records = TopicAdmin.records(bootstrap, Topics.OUTBOUND);
            context.deadChildren().forEach(name -> problems.add(name + " died during the run"));
        } finally {
            context.stopAll();
        }
        List<ProcessStats> processes = context.stopAll();

        long lost = all.missing(expected);
        long duplicates = all.duplicates();
        long violations = all.orderViolations();
        if (lost > 0) {
            problems.add("lost: " + lost + " of " + expected.size() + " outbound messages never reached the fake Graph API");
        }
        if (duplicates > 0) {
            problems.add("duplicated: " + duplicates + " messages reached the fake Graph API twice");
        }
        if (violations > 0) {
            problems.add("order: " + violations + " messages reached the fake Graph API after a later one to the same recipient");
        }
        for (Phase phase : List.of(budget80, budget1000)) {
            figures.addAll(budgetFigures(phase, all.from(phase.endpoint().phoneNumberId())));
        }
        figures.addAll(gapFigures(gap, all.from(gap.endpoint().phoneNumberId())));
        figures.add(Figure.atMost("egress order violations", violations, "messages", 0,
                "per recipient, a message arriving at the fake after one with a higher sequence number, all phases"));
        figures.add(Figure.info("messages at the fake Graph API", all.size(), "requests",
                expected.size() + " written to " + Topics.OUTBOUND + " (" + records + " records), " + lost + " lost, "
                        + duplicates + " twice"));
        figures.addAll(cpu);
        figures.addAll(ServiceHeap.figure(processes, "egress"));
        return new ScenarioResult(NAME, description(), figures, processes, List.of(), problems);
    }

    private static List<Figure> budgetFigures(Phase phase, SendLog log) {
        double budget = phase.endpoint().budget();
        double rate = log.steadyRate(RATE_SKIP_MICROS);
        int busiest = log.maxInWindow(SendLog.SECOND_MICROS);
        String at = " @" + Format.number(budget) + "/s budget";
        String note = log.size() + " messages to " + RECIPIENTS + " recipients, backlog written before sending; "
                + Format.number(Math.round(rate * 10) / 10.0) + " sends/s after the first second";
        long busiestAt = log.size() == 0 ? 0 : log.busiestWindowStart(SendLog.SECOND_MICROS) - log.requests().get(0).arrivalMicros();
        return List.of(
                Figure.atLeast("egress achieved rate / budget" + at, Math.round(rate / budget * 1000) / 10.0, "%", RATE_SHARE_TARGET, note),
                Figure.atMost("egress max sends in any 1-s window" + at, busiest, "sends", budget,
                        "sliding window over the fake's arrival times; the busiest starts " + Format.number(busiestAt / 1000.0)
                                + " ms after the phase's first send (graph-requests.tsv in the scenario folder)"));
    }

    private static List<Figure> gapFigures(Phase phase, SendLog log) {
        Histogram gaps = log.gaps();
        long delay = phase.endpoint().messageDelay().toMillis();
        String at = " (delay " + Format.number(delay) + " ms)";
        String note = gaps.getTotalCount() + " gaps, " + RECIPIENTS + " recipients, budget 1,000/s; from the fake's answer to the"
                + " recipient's next request (accepted mode counts the delay from Graph's answer)";
        return List.of(
                Figure.info("egress same-recipient gap min" + at, gaps.getMinValue() / 1000.0, "ms", "never below the delay"),
                Figure.info("egress same-recipient gap p50" + at, gaps.getValueAtPercentile(50) / 1000.0, "ms", note),
                Figure.atMost("egress same-recipient gap p99" + at, gaps.getValueAtPercentile(99) / 1000.0, "ms", delay + GAP_TOLERANCE_MS, note),
                Figure.info("egress same-recipient gap max" + at, gaps.getMaxValue() / 1000.0, "ms", note));
    }
}
