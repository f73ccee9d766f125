package io.wabridge.bench.scenario;

import io.wabridge.bench.fake.FakeClient;
import io.wabridge.bench.fake.Request;
import io.wabridge.bench.load.LoadGenerator;
import io.wabridge.bench.load.LoadPhase;
import io.wabridge.bench.load.PhaseResult;
import io.wabridge.bench.process.ProcessStats;
import io.wabridge.bench.report.Figure;
import io.wabridge.bench.report.Format;
import io.wabridge.model.Topics;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.HdrHistogram.Histogram;

/**
 * One pass of scenario 2's load: a fresh broker, fake Cognigy (200 ms, echo) and processor (with
 * {@code processorSettings} on top of its defaults), the generator's warm-up, the phase at the
 * target rate (turn latency, CPU per turn) and the backlog (max turns/s); then the replies are
 * checked. Every figure is named after the pass's processor ({@code processor}, {@code processor-js}),
 * so two passes stand side by side in one result.
 *
 * @see ProcessorScenario
 * @see ProcessorTransformersScenario
 */
final class ProcessorPass {

    static final long COGNIGY_LATENCY_MS = 200;
    static final double TARGET_RATE = 500;
    static final double BACKLOG_RATE = 2000;
    static final double WARMUP_RATE = 250;
    static final long STALL_MILLIS = 30_000;
    static final String AT_TARGET = " @" + Format.number(TARGET_RATE) + "/s";

    /**
     * What one pass measured.
     *
     * @param replies  how many replies were read from {@code whatsapp.outbound}
     * @param unmarked the sequence numbers of those whose text does not end with the pass's mark
     *                 (none, when a transformer appends it to every one; always none without a mark)
     */
    record Outcome(String processor, List<Figure> figures, List<ProcessStats> processes, List<PhaseResult> phases,
            List<String> problems, long replies, List<Long> unmarked) {

        Outcome {
            unmarked = List.copyOf(unmarked);
        }

        /** Replies that end with the mark. */
        long marked() {
            return replies - unmarked.size();
        }

        /** Inbound events of the warm-up phase, which come first in sequence order; 0 when the pass has no phases. */
        long warmUpEvents() {
            return phases.isEmpty() ? 0 : phases.get(0).sent();
        }
    }

    private ProcessorPass() {
    }

    /** @param mark what every reply's text should end with, see {@link Outcome#unmarked()}; null: not checked */
    static Outcome run(ScenarioContext context, List<String> processorSettings, String mark) throws Exception {
        Profile profile = context.profile();
        boolean quick = profile.name().equals("quick");
        String processor = context.nameOf("processor");
        List<PhaseResult> phases = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<Figure> cpu;
        List<Request> replies;
        long cognigyCalls;
        List<Long> unmarked;
        OutboundReader closeLater = null;
        try {
            String bootstrap = Systems.broker(context);
            TopicAdmin.create(bootstrap, Topics.INBOUND, 12);
            TopicAdmin.create(bootstrap, Topics.OUTBOUND, 12);
            FakeClient cognigy = Systems.fake(context, "fake-cognigy", COGNIGY_LATENCY_MS, 400);
            Systems.processor(context, bootstrap, cognigy, List.of(Systems.benchEndpoint(1000)), processorSettings);
            OutboundReader reader = new OutboundReader(bootstrap, mark);
            closeLater = reader;
            LoadGenerator generator = LoadGenerator.ready(context.start(LoadGenerator.inbound("generator", bootstrap, Topics.INBOUND,
                    Systems.ENDPOINT, Systems.BODIES)));
            phases.add(generator.run(LoadPhase.openLoopToEnd("warm-up@" + (long) WARMUP_RATE, WARMUP_RATE, profile.warmupMillis())));
            reader.awaitReplies(sent(phases), STALL_MILLIS);
            CpuMeter meter = CpuMeter.start(context);
            phases.add(generator.run(LoadPhase.openLoopToEnd("turns@" + (long) TARGET_RATE, TARGET_RATE, profile.latencyMillis())));
            reader.awaitReplies(sent(phases), STALL_MILLIS);
            cpu = meter.perRequest(phases.get(1).sent(), "@" + Format.number(TARGET_RATE) + " turns/s");
            phases.add(generator.run(LoadPhase.openLoopToEnd("backlog@" + (long) BACKLOG_RATE, BACKLOG_RATE, quick ? 3_000 : 10_000)));
            long outbound = reader.awaitReplies(sent(phases), STALL_MILLIS);
            if (outbound < sent(phases)) {
                problems.add("replies stopped coming at " + outbound + " of " + sent(phases) + " (nothing new for 30 s)");
            }
            cognigyCalls = cognigy.count();
            replies = reader.replies();
            unmarked = reader.unmarked();
            context.deadChildren().forEach(name -> problems.add(name + " died during the run"));
        } finally {
            if (closeLater != null) {
                closeLater.close();
            }
            context.stopAll();
        }
        List<ProcessStats> processes = context.stopAll();
        phases.stream().filter(phase -> phase.errors() > 0).forEach(phase -> problems.add(phase.name() + ": " + phase.errors() + " failed sends"));

        SendLog all = new SendLog(replies);
        all.writeTo(context.dir().resolve("replies.tsv"));
        long sent = sent(phases);
        Set<Long> expected = new HashSet<>();
        LongStream.range(0, sent).forEach(expected::add);
        long lost = all.missing(expected);
        long duplicates = all.duplicates();
        long unstamped = replies.stream().filter(reply -> reply.sequence() < 0).count();
        long violations = all.orderViolations();
        if (lost > 0) {
            problems.add("lost: " + lost + " of " + sent + " inbound messages got no reply on " + Topics.OUTBOUND);
        }
        if (duplicates > 0) {
            problems.add("duplicated: " + duplicates + " inbound messages got two replies");
        }
        if (unstamped > 0) {
            problems.add("fallback: " + unstamped + " replies were not the bot's echo (Cognigy calls failed)");
        }
        if (violations > 0) {
            problems.add("order: " + violations + " replies written before the reply to an earlier message of the same conversation");
        }

        long warm = phases.get(0).sent();
        long target = warm + phases.get(1).sent();
        SendLog atTarget = all.between(warm, target);
        SendLog backlog = all.between(target, sent);
        Histogram latency = atTarget.stampLatency(warm, target);
        String latencyNote = latency.getTotalCount() + " turns; from the inbound event's intended send time to its reply's record"
                + " timestamp (written in the turn's transaction, committed within commit-interval 50 ms)";
        double maxRate = backlog.spanMicros() == 0 ? 0 : (backlog.size() - 1) * 1e6 / backlog.spanMicros();
        List<Figure> figures = new ArrayList<>();
        figures.add(Figure.atLeast(processor + " max turns/s", Math.round(maxRate), "turns/s", TARGET_RATE,
                backlog.size() + " replies to a backlog offered at " + Format.number(BACKLOG_RATE)
                        + "/s, first to last reply; the ceiling of 200 workers × 200 ms is 1,000/s"));
        double achieved = atTarget.spanMicros() == 0 ? 0 : (atTarget.size() - 1) * 1e6 / atTarget.spanMicros();
        figures.add(Figure.info(turnsAtTarget(processor), Math.round(achieved), "turns/s", atTarget.size() + " replies, first to last"));
        figures.add(Figure.info(latency(processor, "p50"), latency.getValueAtPercentile(50) / 1000.0, "ms", latencyNote));
        figures.add(Figure.info(latency(processor, "p99"), latency.getValueAtPercentile(99) / 1000.0, "ms", latencyNote));
        figures.add(Figure.info(latency(processor, "max"), latency.getMaxValue() / 1000.0, "ms", latencyNote));
        String repliesName = "replies on " + Topics.OUTBOUND + (processor.equals("processor") ? "" : " (" + processor + ")");
        figures.add(Figure.info(repliesName, replies.size(), "records",
                sent + " inbound events, " + cognigyCalls + " Cognigy calls, " + lost + " without reply, " + duplicates + " twice"));
        figures.addAll(cpu);
        figures.addAll(ServiceHeap.figure(processes, processor));
        return new Outcome(processor, List.copyOf(figures), processes, List.copyOf(phases), List.copyOf(problems), replies.size(), unmarked);
    }

    static String turnsAtTarget(String processor) {
        return processor + " turns/s" + AT_TARGET + " offered";
    }

    /** @param percentile {@code p50}, {@code p99} or {@code max} */
    static String latency(String processor, String percentile) {
        return processor + " turn latency " + percentile + AT_TARGET;
    }

    static String cpuPerTurn(String process) {
        return process + " CPU per request @" + Format.number(TARGET_RATE) + " turns/s";
    }

    private static long sent(List<PhaseResult> phases) {
        return phases.stream().mapToLong(PhaseResult::sent).sum();
    }
}
