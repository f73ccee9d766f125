package io.wabridge.bench.scenario;

import io.wabridge.bench.load.LoadGenerator;
import io.wabridge.bench.load.LoadPhase;
import io.wabridge.bench.load.PhaseResult;
import io.wabridge.bench.process.ProcessStats;
import io.wabridge.bench.report.Figure;
import io.wabridge.bench.report.Format;
import java.util.ArrayList;
import java.util.List;

/**
 * The Kafka ceiling: records of an inbound event's key, headers and size sent straight to a
 * 12-partition topic on the same kind of broker, with ingress's producer settings ({@code
 * acks=all}, idempotence, {@code linger.ms=2}). Ack latency at the reference rate (the floor under
 * ingress's latency) and the acknowledged rate of an unthrottled producer (the roof over its rate).
 */
public final class ProducerCeilingScenario implements Scenario {

    public static final String NAME = "producer-ceiling";
    public static final String MAX_RATE = "producer max acknowledged rate";
    public static final String P99 = "producer ack p99 @1,000/s";
    static final String TOPIC = "bench.producer-ceiling";
    static final int PARTITIONS = 12;
    /** Records in flight at once in the unthrottled phase: enough to fill batches, bounded in memory. */
    static final int MAX_OUTSTANDING = 5000;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "raw Kafka producer, ingress's settings, same broker: the Kafka ceiling for ingress";
    }

    @Override
    public ScenarioResult run(ScenarioContext context) throws Exception {
        Profile profile = context.profile();
        List<PhaseResult> phases = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        long records;
        List<Figure> cpu;
        try {
            String bootstrap = Systems.broker(context);
            TopicAdmin.create(bootstrap, TOPIC, PARTITIONS);
            LoadGenerator generator = Systems.kafkaGenerator(context, bootstrap, TOPIC);
            phases.addAll(OpenLoopSuite.warmUp(generator, profile));
            CpuMeter meter = CpuMeter.start(context);
            PhaseResult reference = generator.run(LoadPhase.openLoopToEnd("latency@" + (long) profile.latencyRate(),
                    profile.latencyRate(), profile.latencyMillis()));
            cpu = meter.perRequest(reference.sent(), "@" + Format.number(reference.ratePerSecond()) + "/s");
            phases.add(reference);
            Thread.sleep(profile.pauseMillis());
            phases.add(generator.run(LoadPhase.closedLoop("unthrottled", MAX_OUTSTANDING, Math.max(5_000, profile.stepMillis()))));
            records = TopicAdmin.records(bootstrap, TOPIC);
            context.deadChildren().forEach(name -> problems.add(name + " died during the run"));
        } finally {
            context.stopAll();
        }
        List<ProcessStats> processes = context.stopAll();
        long acknowledged = phases.stream().mapToLong(PhaseResult::ok).sum();
        if (records < acknowledged) {
            problems.add("lost records: " + acknowledged + " acknowledged but " + records + " on " + TOPIC);
        }
        phases.stream().filter(phase -> phase.errors() > 0)
                .forEach(phase -> problems.add(phase.name() + ": " + phase.errors() + " failed sends"));
        PhaseResult latency = phases.get(phases.size() - 2);
        PhaseResult unthrottled = phases.get(phases.size() - 1);
        String at = " @" + Format.number(latency.ratePerSecond()) + "/s";
        List<Figure> figures = new ArrayList<>(List.of(
                Figure.info(MAX_RATE, Math.round(unthrottled.achievedPerSecond()), "records/s",
                        "closed loop, " + MAX_OUTSTANDING + " records in flight, " + unthrottled.ok() + " acknowledged"),
                Figure.info("producer ack p50" + at, latency.latency().p50(), "ms", "send to broker acknowledgement"),
                Figure.info("producer ack p99" + at, latency.latency().p99(), "ms", "send to broker acknowledgement"),
                Figure.info("producer ack p99.9" + at, latency.latency().p999(), "ms", "send to broker acknowledgement"),
                Figure.info("records on " + TOPIC, records, "records", acknowledged + " acknowledged")));
        figures.addAll(cpu);
        return new ScenarioResult(NAME, description(), figures, processes, List.copyOf(phases), problems);
    }
}
