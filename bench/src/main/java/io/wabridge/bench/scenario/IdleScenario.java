package io.wabridge.bench.scenario;

import io.wabridge.bench.fake.FakeClient;
import io.wabridge.bench.process.ProcessStats;
import io.wabridge.bench.report.Figure;
import io.wabridge.model.Topics;
import java.util.ArrayList;
import java.util.List;

/**
 * The fixed cost: the end-to-end set-up (broker, fakes, ingress, processor, egress) with no
 * traffic at all. After a settling time (start-up compilation, first metadata fetches, group
 * joins) each process's CPU is read twice, a measured span apart: what a service spends per second
 * on poll loops, commits, timers and metrics when nothing happens. CPU time is what the other work
 * on a shared machine distorts least (unlike latency), so this scenario is worth running there.
 */
public final class IdleScenario implements Scenario {

    public static final String NAME = "idle";
    /** The target per service. */
    static final double MAX_CORES = 0.02;
    static final List<String> SERVICES = List.of("ingress", "processor", "egress");
    private static final long SETTLE_MILLIS = 30_000;
    private static final long QUICK_MEASURE_MILLIS = 30_000;
    private static final long FULL_MEASURE_MILLIS = 60_000;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "the end-to-end processes without traffic: each one's CPU per second (cores) after " + SETTLE_MILLIS / 1000 + " s settling";
    }

    @Override
    public ScenarioResult run(ScenarioContext context) throws Exception {
        List<String> problems = new ArrayList<>();
        List<Figure> figures;
        try {
            List<Systems.Endpoint> endpoints = List.of(Systems.benchEndpoint(1000));
            String bootstrap = Systems.broker(context);
            TopicAdmin.create(bootstrap, Topics.INBOUND, 12);
            TopicAdmin.create(bootstrap, Topics.OUTBOUND, 12);
            FakeClient cognigy = Systems.fake(context, "fake-cognigy", 0, 200);
            Systems.ingress(context, bootstrap, endpoints);
            FakeClient graph = Systems.fake(context, "fake-graph", EgressScenario.GRAPH_LATENCY_MS, 200);
            Systems.processor(context, bootstrap, cognigy, endpoints);
            Systems.egress(context, bootstrap, graph, endpoints);
            Thread.sleep(SETTLE_MILLIS); // the measured span, not a wait for a condition: there is nothing to wait for
            CpuMeter meter = CpuMeter.start(context);
            Thread.sleep(context.profile() == Profile.QUICK ? QUICK_MEASURE_MILLIS : FULL_MEASURE_MILLIS);
            figures = meter.cores(SERVICES, MAX_CORES);
            context.deadChildren().forEach(name -> problems.add(name + " died during the run"));
        } finally {
            context.stopAll();
        }
        List<ProcessStats> processes = context.stopAll();
        return new ScenarioResult(NAME, description(), figures, processes, List.of(), problems);
    }
}
