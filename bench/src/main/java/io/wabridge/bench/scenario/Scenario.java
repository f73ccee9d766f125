package io.wabridge.bench.scenario;

/** One benchmark scenario. Implementations start everything they need and stop it before returning. */
public interface Scenario {

    String name();

    /** One line for the table and the docs. */
    String description();

    ScenarioResult run(ScenarioContext context) throws Exception;
}
