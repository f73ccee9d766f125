package io.wabridge.support.observe;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;

/**
 * The Kafka client's own consumer metrics ({@code kafka.consumer.fetch.manager.records.lag.max},
 * fetch rates, …) for consumers that run in hand-written poll loops, where no listener container
 * binds them. One binding per role: binding a role's new consumer (after a restart) removes the
 * meters of the one it replaces, so no stale lag stays behind.
 */
public class ConsumerMeters implements AutoCloseable {

    private final MeterRegistry registry;
    private final Map<String, KafkaClientMetrics> bound = new HashMap<>();

    public ConsumerMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Without a registry: binds nothing. */
    public static ConsumerMeters none() {
        return new ConsumerMeters(null);
    }

    /** Binds {@code consumer}'s metrics under {@code role}, replacing what the role had. Returns the consumer. */
    public synchronized <K, V> Consumer<K, V> bind(String role, Consumer<K, V> consumer) {
        if (registry == null) {
            return consumer;
        }
        KafkaClientMetrics previous = bound.remove(role);
        if (previous != null) {
            previous.close();
        }
        KafkaClientMetrics metrics = new KafkaClientMetrics(consumer);
        metrics.bindTo(registry);
        bound.put(role, metrics);
        return consumer;
    }

    @Override
    public synchronized void close() {
        bound.values().forEach(KafkaClientMetrics::close);
        bound.clear();
    }
}
