package io.wabridge.bench.scenario;

import io.wabridge.bench.load.LoadGenerator;
import io.wabridge.bench.process.ProcessStats;
import io.wabridge.bench.report.Figure;
import java.util.ArrayList;
import java.util.List;

/**
 * The HTTP ceiling: the same signed webhooks, the same load generator, against the same Spring
 * MVC / Tomcat stack answering 200 without doing anything. Ingress can never beat it.
 */
public final class HttpCeilingScenario implements Scenario {

    public static final String NAME = "http-ceiling";
    public static final String MAX_RATE = "no-work HTTP max sustained rate";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Spring MVC/Tomcat answering 200 with no work: the ceiling for ingress";
    }

    @Override
    public ScenarioResult run(ScenarioContext context) throws Exception {
        OpenLoopSuite suite;
        List<String> problems = new ArrayList<>();
        try {
            String url = Systems.noWork(context);
            LoadGenerator generator = Systems.httpGenerator(context, url);
            suite = OpenLoopSuite.run(generator, context);
            problems.addAll(suite.problems(context.rule()));
            context.deadChildren().forEach(name -> problems.add(name + " died during the run"));
        } finally {
            context.stopAll();
        }
        List<ProcessStats> processes = context.stopAll();
        List<Figure> figures = new ArrayList<>();
        figures.add(Figure.info(MAX_RATE, suite.search().maxSustained(), "req/s", suite.searchNote(context.rule())));
        figures.addAll(suite.latencyFigures("no-work answer", 0));
        figures.addAll(suite.atMaxFigures("no-work answer"));
        figures.addAll(suite.cpu());
        return new ScenarioResult(NAME, description(), figures, processes, suite.phases(), problems);
    }
}
