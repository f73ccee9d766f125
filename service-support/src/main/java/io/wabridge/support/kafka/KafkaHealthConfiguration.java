package io.wabridge.support.kafka;

import java.time.Duration;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/** Registers the {@code kafka} health indicator in services that have Actuator. */
@AutoConfiguration(after = KafkaClientsConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
public class KafkaHealthConfiguration {

    @Bean
    @ConditionalOnEnabledHealthIndicator("kafka")
    KafkaHealthIndicator kafkaHealthIndicator(KafkaClientFactory clients) {
        return new KafkaHealthIndicator(clients.admin("health"), Duration.ofSeconds(3));
    }
}
