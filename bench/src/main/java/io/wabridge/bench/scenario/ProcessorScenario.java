package io.wabridge.bench.scenario;

import java.util.List;

/**
 * Scenario 2: text-message events for 1,000 conversations straight onto {@code whatsapp.inbound}
 * (what ingress writes), processor-service with its defaults (200 workers) calling a fake Cognigy
 * that answers after 200 ms by echoing the text, replies on {@code whatsapp.outbound}. A warm-up
 * (discarded), an open-loop phase at the target rate of 500 turns/s (turn latency), then a
 * backlog: load offered at 2,000/s, above what 200 workers × 200 ms allow, so the rate replies
 * come out at is the processor's maximum. Each reply's text carries its inbound sequence number and
 * intended send time. Invalid when an inbound message got no reply, got two, or the fallback.
 * The pass itself is {@link ProcessorPass}.
 */
public final class ProcessorScenario implements Scenario {

    public static final String NAME = "processor";
    static final long COGNIGY_LATENCY_MS = ProcessorPass.COGNIGY_LATENCY_MS;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "inbound events (1,000 conversations) -> processor -> fake Cognigy (200 ms, echo) -> whatsapp.outbound";
    }

    @Override
    public ScenarioResult run(ScenarioContext context) throws Exception {
        ProcessorPass.Outcome pass = ProcessorPass.run(context, List.of(), null);
        return new ScenarioResult(NAME, description(), pass.figures(), pass.processes(), pass.phases(), pass.problems());
    }
}
