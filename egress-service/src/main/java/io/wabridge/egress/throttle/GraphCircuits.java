package io.wabridge.egress.throttle;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.wabridge.support.endpoint.Endpoint;
import io.wabridge.support.endpoint.Endpoints;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * The state of each sending number's Graph circuit (opened by token or account errors): in
 * health ({@code graph}, one detail per endpoint) and as the gauge
 * {@code wabridge.egress.graph.circuit.open} (1 while open).
 *
 * <p>Always UP: an open circuit means a token or account to fix at Meta, which no restart or
 * traffic shift of this instance fixes, and egress receives no HTTP traffic a readiness probe
 * could steer away. Messages meanwhile are dead-lettered for a later re-drive.
 */
public class GraphCircuits implements HealthIndicator, MeterBinder {

    private final NumberThrottles throttles;
    private final Endpoints endpoints;

    public GraphCircuits(NumberThrottles throttles, Endpoints endpoints) {
        this.throttles = throttles;
        this.endpoints = endpoints;
    }

    @Override
    public Health health() {
        Map<String, String> states = new TreeMap<>();
        for (Endpoint endpoint : endpoints.all()) {
            states.put(endpoint.id(), throttles.of(endpoint).isCircuitOpen() ? "OPEN" : "CLOSED");
        }
        return Health.up().withDetail("circuits", states).build();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (Endpoint endpoint : endpoints.all()) {
            Gauge.builder("wabridge.egress.graph.circuit.open", throttles, t -> t.of(endpoint).isCircuitOpen() ? 1 : 0)
                    .description("1 while the number's Graph circuit is open (token or account error; sends refused)")
                    .tag("endpoint", endpoint.id())
                    .register(registry);
        }
    }
}
