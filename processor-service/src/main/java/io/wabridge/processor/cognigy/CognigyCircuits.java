package io.wabridge.processor.cognigy;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
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
 * The state of each endpoint's Cognigy circuit breaker: in health ({@code cognigy}, one detail per
 * endpoint) and as the gauge {@code wabridge.processor.cognigy.circuit.open} (1 while open).
 *
 * <p>Always UP: an open circuit is a downstream problem that no restart or traffic shift of this
 * instance fixes, and the processor receives no HTTP traffic a readiness probe could steer away.
 * Turns meanwhile get the fallback reply and are dead-lettered for a later re-drive.
 */
public class CognigyCircuits implements HealthIndicator, MeterBinder {

    private final CognigyClient client;
    private final Endpoints endpoints;

    public CognigyCircuits(CognigyClient client, Endpoints endpoints) {
        this.client = client;
        this.endpoints = endpoints;
    }

    @Override
    public Health health() {
        Map<String, String> states = new TreeMap<>();
        for (Endpoint endpoint : endpoints.all()) {
            states.put(endpoint.id(), client.circuitState(endpoint.id()).name());
        }
        return Health.up().withDetail("circuits", states).build();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (Endpoint endpoint : endpoints.all()) {
            Gauge.builder("wabridge.processor.cognigy.circuit.open", client,
                            c -> c.circuitState(endpoint.id()) == CircuitBreaker.State.OPEN ? 1 : 0)
                    .description("1 while the endpoint's Cognigy circuit breaker is open (calls refused without trying)")
                    .tag("endpoint", endpoint.id())
                    .register(registry);
        }
    }
}
