package io.wabridge.processor.pipeline;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * {@code inboundProcessor} health: UP while a consuming session runs (with the partitions it
 * owns, possibly none when there are more instances than partitions), DOWN while stopped or
 * between sessions, e.g. when the broker is unreachable.
 */
class InboundProcessorHealthIndicator implements HealthIndicator {

    private final InboundProcessor processor;

    InboundProcessorHealthIndicator(InboundProcessor processor) {
        this.processor = processor;
    }

    @Override
    public Health health() {
        if (!processor.isRunning()) {
            return Health.down().withDetail("reason", "stopped").build();
        }
        if (!processor.sessionActive()) {
            return Health.down().withDetail("reason", "no consuming session (starting or restarting)").build();
        }
        return Health.up().withDetail("partitions", processor.assignedPartitions()).build();
    }
}
