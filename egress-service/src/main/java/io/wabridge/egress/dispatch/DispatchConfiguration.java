package io.wabridge.egress.dispatch;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.wabridge.egress.deadletter.DeadLetters;
import io.wabridge.egress.ledger.SendLedger;
import io.wabridge.egress.throttle.NumberThrottles;
import io.wabridge.support.endpoint.Endpoints;
import io.wabridge.support.kafka.EventCodec;
import io.wabridge.support.kafka.KafkaClientFactory;
import io.wabridge.support.kafka.TopicSettings;
import java.util.concurrent.Executor;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the poll loop, the intake and the lanes. */
@Configuration(proxyBeanMethods = false)
class DispatchConfiguration {

    @Bean
    Lanes lanes(JobHandler handler, @Qualifier("egressWorker") Executor worker, MeterRegistry meters) {
        Lanes lanes = new Lanes(handler, worker);
        Gauge.builder("wabridge.egress.lanes", lanes, Lanes::size)
                .description("recipients with a message in flight or pacing to remember")
                .register(meters);
        return lanes;
    }

    @Bean
    OutboundIntake outboundIntake(EventCodec codec, Endpoints endpoints, DeadLetters deadLetters, Lanes lanes) {
        return new OutboundIntake(codec, endpoints, deadLetters, lanes);
    }

    @Bean
    OutboundConsumer outboundConsumer(KafkaClientFactory clients, ConsumptionSettings settings, TopicSettings topics,
                                      OutboundIntake intake, SendLedger ledger, NumberThrottles throttles, MeterRegistry meters) {
        OutboundConsumer consumer = new OutboundConsumer(clients, settings, topics.outbound(), intake, ledger, throttles::ownedPartitions);
        Gauge.builder("wabridge.egress.in-flight", consumer, OutboundConsumer::inFlight)
                .description("outbound records polled and not yet finished")
                .register(meters);
        Gauge.builder("wabridge.egress.budget-share", throttles, NumberThrottles::share)
                .description("fraction of each number's throughput budget this instance may use")
                .register(meters);
        return consumer;
    }

    /** DOWN when the poll loop died: nothing would be sent any more, so the instance should be replaced. */
    @Bean
    HealthIndicator outboundConsumption(OutboundConsumer consumer) {
        return () -> (consumer.hasFailed() ? Health.down() : Health.up())
                .withDetail("inFlight", consumer.inFlight())
                .withDetail("pauses", consumer.pauses())
                .build();
    }
}
