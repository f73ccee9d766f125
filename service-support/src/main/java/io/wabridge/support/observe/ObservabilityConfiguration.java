package io.wabridge.support.observe;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * {@link RecordTracing} and {@link ConsumerMeters} from whatever Spring Boot configured: without
 * a tracer (tracing off) or a meter registry they still work, doing less.
 */
@AutoConfiguration
public class ObservabilityConfiguration {

    @Bean
    RecordTracing recordTracing(ObjectProvider<ObservationRegistry> observations, ObjectProvider<Tracer> tracer,
                                ObjectProvider<Propagator> propagator) {
        return new RecordTracing(observations.getIfAvailable(() -> ObservationRegistry.NOOP),
                tracer.getIfAvailable(() -> Tracer.NOOP), propagator.getIfAvailable(() -> Propagator.NOOP));
    }

    @Bean(destroyMethod = "close")
    ConsumerMeters consumerMeters(ObjectProvider<MeterRegistry> registry) {
        return new ConsumerMeters(registry.getIfAvailable());
    }
}
