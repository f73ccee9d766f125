package io.wabridge.egress.dispatch;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.wabridge.egress.deadletter.DeadLetters;
import io.wabridge.egress.ledger.SendLedger;
import io.wabridge.egress.throttle.NumberThrottles;
import io.wabridge.support.consume.ConsumerLoopHealth;
import io.wabridge.support.endpoint.Endpoints;
import io.wabridge.support.kafka.EventCodec;
import io.wabridge.support.kafka.KafkaClientFactory;
import io.wabridge.support.kafka.TopicSettings;
import java.util.concurrent.Executor;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the poll loop and the intake. */
@Configuration(proxyBeanMethods = false)
class DispatchConfiguration {

    @Bean
    OutboundIntake outboundIntake(EventCodec codec, Endpoints endpoints, DeadLetters deadLetters, JobHandler handler,
                                  @Qualifier("egressWorker") Executor worker) {
        return new OutboundIntake(codec, endpoints, deadLetters, handler, worker);
    }

    @Bean
    OutboundConsumer outboundConsumer(KafkaClientFactory clients, ConsumptionSettings settings, TopicSettings topics,
                                      OutboundIntake intake, SendLedger ledger, NumberThrottles throttles, MeterRegistry meters) {
        OutboundConsumer consumer = new OutboundConsumer(clients, settings, topics.outbound(), intake, ledger, throttles::ownedPartitions);
        Gauge.builder("wabridge.egress.budget-share", throttles, NumberThrottles::share)
                .description("fraction of each number's throughput budget this instance may use")
                .register(meters);
        return consumer;
    }

    /** DOWN while the poll loop is stopped or restarting after a failure (with the error): nothing is sent meanwhile. */
    @Bean
    HealthIndicator outboundConsumption(OutboundConsumer consumer) {
        return new ConsumerLoopHealth(consumer);
    }
}
