package io.wabridge.bench.report;

import io.wabridge.bench.scenario.HttpCeilingScenario;
import io.wabridge.bench.scenario.IngressScenario;
import io.wabridge.bench.scenario.ProducerCeilingScenario;
import io.wabridge.bench.scenario.ScenarioResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Figures that set one scenario against another measured in the same run: ingress against its ceilings. */
public final class Comparisons {

    static final double CEILING_SHARE_TARGET = 0.5;

    private Comparisons() {
    }

    public static List<Figure> of(List<ScenarioResult> results) {
        List<Figure> figures = new ArrayList<>();
        Optional<Figure> ingress = figure(results, IngressScenario.NAME, IngressScenario.MAX_RATE);
        Optional<Figure> http = figure(results, HttpCeilingScenario.NAME, HttpCeilingScenario.MAX_RATE);
        Optional<Figure> producer = figure(results, ProducerCeilingScenario.NAME, ProducerCeilingScenario.MAX_RATE);
        if (ingress.isPresent() && http.isPresent() && http.get().value() > 0) {
            figures.add(Figure.atLeast("ingress / no-work HTTP ceiling", round(ingress.get().value() / http.get().value()),
                    "ratio", CEILING_SHARE_TARGET, Format.number(ingress.get().value()) + " / " + Format.number(http.get().value())));
        }
        if (ingress.isPresent() && producer.isPresent() && producer.get().value() > 0) {
            figures.add(Figure.info("ingress / producer ceiling", round(ingress.get().value() / producer.get().value()),
                    "ratio", Format.number(ingress.get().value()) + " / " + Format.number(producer.get().value())
                            + " (open loop with a p99 limit vs. unthrottled)"));
        }
        Optional<Figure> ingressP99 = figure(results, IngressScenario.NAME, IngressScenario.P99);
        Optional<Figure> producerP99 = figure(results, ProducerCeilingScenario.NAME, ProducerCeilingScenario.P99);
        if (ingressP99.isPresent() && producerP99.isPresent()) {
            figures.add(Figure.info("ingress p99 above producer p99 @1,000/s",
                    round(ingressP99.get().value() - producerP99.get().value()), "ms",
                    "what HTTP, signature check and splitting add to the Kafka acknowledgement"));
        }
        Optional<Figure> ingressCpu = figure(results, IngressScenario.NAME, "ingress CPU per request @1,000/s");
        Optional<Figure> noWorkCpu = figure(results, HttpCeilingScenario.NAME, "nowork CPU per request @1,000/s");
        if (ingressCpu.isPresent() && noWorkCpu.isPresent() && noWorkCpu.get().value() > 0) {
            figures.add(Figure.info("ingress CPU / no-work CPU per request @1,000/s",
                    round(ingressCpu.get().value() / noWorkCpu.get().value()), "ratio",
                    Format.number(ingressCpu.get().value()) + " µs / " + Format.number(noWorkCpu.get().value())
                            + " µs; less sensitive to other load on the machine than rates and percentiles"));
        }
        return figures;
    }

    private static Optional<Figure> figure(List<ScenarioResult> results, String scenario, String name) {
        return results.stream()
                .filter(result -> result.name().equals(scenario))
                .map(result -> result.figure(name))
                .filter(figure -> figure != null)
                .findFirst();
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
