package io.wabridge.support.kafka;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Declares wabridge's topics so that Spring's {@link KafkaAdmin} creates the missing ones at
 * start-up. Every service declares all of them, so any service can start first. Existing
 * topics are left as they are (partitions are never changed behind the operator's back).
 */
@AutoConfiguration
@EnableConfigurationProperties(TopicSettings.class)
public class KafkaTopicsConfiguration {

    @Bean
    EventCodec eventCodec() {
        return new EventCodec();
    }

    @Bean
    @ConditionalOnProperty(name = "wabridge.topics.create", havingValue = "true", matchIfMissing = true)
    KafkaAdmin.NewTopics wabridgeTopics(TopicSettings topics) {
        return new KafkaAdmin.NewTopics(
                topic(topics, topics.inbound()),
                topic(topics, topics.statuses()),
                topic(topics, topics.outbound()),
                topic(topics, topics.quarantine()),
                topic(topics, topics.changes()),
                topic(topics, topics.handover()),
                // A transcript is a log that expires, not state: delete by age (the default policy), never compact.
                TopicBuilder.name(topics.transcripts())
                        .partitions(topics.partitions())
                        .replicas(topics.replicationFactor())
                        .config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, topics.replicationFactor() > 1 ? "2" : "1")
                        .config(TopicConfig.RETENTION_MS_CONFIG, Long.toString(topics.transcriptsRetention().toMillis()))
                        .build());
    }

    private static NewTopic topic(TopicSettings settings, String name) {
        return TopicBuilder.name(name)
                .partitions(settings.partitions())
                .replicas(settings.replicationFactor())
                // With one replica there is nothing to be in sync with; with more, acks=all needs two.
                .config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, settings.replicationFactor() > 1 ? "2" : "1")
                .build();
    }
}
