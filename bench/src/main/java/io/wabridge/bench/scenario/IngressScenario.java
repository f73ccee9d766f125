package io.wabridge.bench.scenario;

import io.wabridge.bench.load.LoadGenerator;
import io.wabridge.bench.process.ProcessStats;
import io.wabridge.bench.report.Figure;
import io.wabridge.model.Topics;
import java.util.ArrayList;
import java.util.List;

/**
 * Scenario 1: signed single-message webhooks to ingress-service, which answers 200 only once the
 * broker acknowledged the record. Latency percentiles at 1,000/s and the highest sustained
 * acknowledged rate. Valid only if every acknowledged webhook is a record on {@code whatsapp.inbound}
 * and no record appears that was never sent.
 */
public final class IngressScenario implements Scenario {

    public static final String NAME = "ingress";
    public static final String MAX_RATE = "ingress max sustained acknowledged rate";
    public static final String P99 = "ingress ack p99 @1,000/s";
    static final double RATE_TARGET = 5000;
    static final double P99_TARGET_MS = 20;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "signed single-message webhooks -> ingress -> acknowledged on whatsapp.inbound";
    }

    @Override
    public ScenarioResult run(ScenarioContext context) throws Exception {
        OpenLoopSuite suite;
        long records;
        List<String> problems = new ArrayList<>();
        try {
            String bootstrap = Systems.broker(context);
            String url = Systems.ingress(context, bootstrap);
            LoadGenerator generator = Systems.httpGenerator(context, url);
            suite = OpenLoopSuite.run(generator, context);
            records = TopicAdmin.records(bootstrap, Topics.INBOUND);
            problems.addAll(suite.problems(context.rule()));
            context.deadChildren().forEach(name -> problems.add(name + " died during the run"));
        } finally {
            context.stopAll();
        }
        List<ProcessStats> processes = context.stopAll();
        long acknowledged = suite.okTotal();
        long sent = suite.sentTotal();
        if (records < acknowledged) {
            problems.add("lost records: " + acknowledged + " webhooks acknowledged but " + records + " records on " + Topics.INBOUND);
        }
        if (records > sent) {
            problems.add("duplicated records: " + records + " records on " + Topics.INBOUND + " for " + sent + " webhooks sent");
        }
        List<Figure> figures = new ArrayList<>();
        figures.add(Figure.atLeast(MAX_RATE, suite.search().maxSustained(), "webhooks/s", RATE_TARGET,
                suite.searchNote(context.rule())));
        figures.addAll(suite.latencyFigures("ingress ack", P99_TARGET_MS));
        figures.addAll(suite.atMaxFigures("ingress ack"));
        figures.addAll(suite.cpu());
        figures.addAll(ServiceHeap.figure(processes, "ingress"));
        figures.add(Figure.info("records on " + Topics.INBOUND, records, "records",
                acknowledged + " webhooks acknowledged (200), " + sent + " sent"));
        return new ScenarioResult(NAME, description(), figures, processes, suite.phases(), problems);
    }
}
