package io.wabridge.bench.scenario;

import java.util.List;
import java.util.Optional;

/**
 * Every scenario the harness knows. The processor (fake Cognigy), egress (fake Graph API) and
 * end-to-end scenarios of issue 7 join this list once those services exist on this branch.
 */
public final class Scenarios {

    private static final List<Scenario> ALL = List.of(
            new HttpCeilingScenario(),
            new ProducerCeilingScenario(),
            new IngressScenario());

    private Scenarios() {
    }

    public static List<Scenario> all() {
        return ALL;
    }

    public static Optional<Scenario> named(String name) {
        return ALL.stream().filter(scenario -> scenario.name().equals(name)).findFirst();
    }
}
