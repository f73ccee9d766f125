package io.wabridge.ingress.publish;

import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.boot.autoconfigure.kafka.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The producer settings durability depends on, enforced here rather than left to configuration:
 * {@code acks=all} and idempotence (no loss, no duplicates from producer retries), and a
 * {@code max.block.ms} no longer than the publish timeout (an unreachable broker answers 503 in
 * bounded time). {@code linger.ms} and the rest stay configurable in {@code application.yml}.
 */
@Configuration(proxyBeanMethods = false)
class ProducerTuning {

    @Bean
    DefaultKafkaProducerFactoryCustomizer durableProducer(PublishSettings settings) {
        return factory -> factory.updateConfigs(Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, settings.timeout().toMillis()));
    }
}
