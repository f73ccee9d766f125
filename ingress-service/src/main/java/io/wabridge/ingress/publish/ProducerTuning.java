package io.wabridge.ingress.publish;

import io.wabridge.support.kafka.KafkaClientFactory;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

/**
 * Ingress's producer, from the shared {@link KafkaClientFactory} (so every {@code spring.kafka.*}
 * setting, security included, applies), with the settings durability depends on enforced here
 * rather than left to configuration: {@code acks=all} and idempotence (no loss, no duplicates from
 * producer retries), and a {@code max.block.ms} no longer than the publish timeout (an unreachable
 * broker answers 503 in bounded time). {@code linger.ms} and the rest stay configurable in
 * {@code application.yml}.
 */
@Configuration(proxyBeanMethods = false)
class ProducerTuning {

    @Bean
    ProducerFactory<String, byte[]> ingressProducerFactory(KafkaClientFactory clients, PublishSettings settings) {
        return clients.producerFactory("publish", Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, settings.timeout().toMillis()));
    }

    @Bean
    KafkaTemplate<String, byte[]> ingressKafkaTemplate(ProducerFactory<String, byte[]> ingressProducerFactory) {
        return new KafkaTemplate<>(ingressProducerFactory);
    }
}
