package io.wabridge.support.observe;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.wabridge.support.endpoint.Endpoint;
import io.wabridge.support.endpoint.Endpoints;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * The state of each endpoint's circuit to a downstream service (Cognigy for the processor, the
 * Graph API for egress): in health (one detail per endpoint under {@code circuits}) and as a gauge
 * per endpoint, 1 while open.
 *
 * <p>Always UP: an open circuit is a downstream problem (Cognigy down, a revoked token) that no
 * restart or traffic shift of this instance fixes, and these services receive no HTTP traffic a
 * readiness probe could steer away. The work meanwhile is dead-lettered for a later re-drive.
 */
public class EndpointCircuits implements HealthIndicator, MeterBinder {

    /** The state name of an open circuit, as resilience4j spells it. */
    public static final String OPEN = "OPEN";

    private final Endpoints endpoints;
    private final Function<Endpoint, String> state;
    private final String gauge;
    private final String description;

    /**
     * @param state the endpoint's circuit state name ({@value #OPEN}, {@code CLOSED}, {@code HALF_OPEN}…)
     * @param gauge the gauge's name, e.g. {@code wabridge.egress.graph.circuit.open}
     */
    public EndpointCircuits(Endpoints endpoints, Function<Endpoint, String> state, String gauge, String description) {
        this.endpoints = endpoints;
        this.state = state;
        this.gauge = gauge;
        this.description = description;
    }

    @Override
    public Health health() {
        Map<String, String> states = new TreeMap<>();
        for (Endpoint endpoint : endpoints.all()) {
            states.put(endpoint.id(), state.apply(endpoint));
        }
        return Health.up().withDetail("circuits", states).build();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (Endpoint endpoint : endpoints.all()) {
            Gauge.builder(gauge, endpoint, e -> OPEN.equals(state.apply(e)) ? 1 : 0)
                    .description(description)
                    .tag("endpoint", endpoint.id())
                    .register(registry);
        }
    }
}
