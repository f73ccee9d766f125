package io.wabridge.support.consume;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * A {@link ConsumerLoop}'s health: UP while a session consumes (with the partitions it owns,
 * possibly none when there are more instances than partitions), DOWN while stopped, starting or
 * restarting after a failure, with the last error.
 */
public final class ConsumerLoopHealth implements HealthIndicator {

    private final ConsumerLoop loop;

    public ConsumerLoopHealth(ConsumerLoop loop) {
        this.loop = loop;
    }

    @Override
    public Health health() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("partitions", new TreeSet<>(loop.owned().stream().map(Object::toString).toList()));
        details.put("inFlight", loop.inFlight());
        details.put("paused", loop.isPaused());
        details.put("pauses", loop.pauses());
        details.put("restarts", loop.restarts());
        if (loop.lastError() != null) {
            details.put("lastError", loop.lastError().toString());
            details.put("lastErrorAt", loop.lastErrorAt().toString());
        }
        if (!loop.isRunning()) {
            return Health.down().withDetail("reason", "stopped").withDetails(details).build();
        }
        if (!loop.consuming()) {
            String reason = loop.lastError() == null ? "starting" : "restarting after a failure";
            return Health.down().withDetail("reason", reason).withDetails(details).build();
        }
        return Health.up().withDetails(details).build();
    }
}
