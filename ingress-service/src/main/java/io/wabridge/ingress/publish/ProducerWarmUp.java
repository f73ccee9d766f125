package io.wabridge.ingress.publish;

import io.wabridge.support.kafka.TopicSettings;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Connects the producer and loads the topics' metadata once the service is up, so the first
 * webhook after a deployment does not spend its publish timeout on that.
 */
@Component
class ProducerWarmUp {

    private static final Logger log = LoggerFactory.getLogger(ProducerWarmUp.class);

    private final KafkaTemplate<String, byte[]> kafka;
    private final TopicSettings topics;

    ProducerWarmUp(KafkaTemplate<String, byte[]> kafka, TopicSettings topics) {
        this.kafka = kafka;
        this.topics = topics;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        for (String topic : List.of(topics.inbound(), topics.statuses(), topics.changes(), topics.quarantine())) {
            try {
                kafka.partitionsFor(topic);
            } catch (RuntimeException e) {
                // Not fatal: webhooks will get 503 until Kafka answers, and Meta retries them.
                log.warn("Kafka metadata for {} not available yet: {}", topic, e.getMessage());
                return;
            }
        }
        log.info("Kafka producer ready");
    }
}
