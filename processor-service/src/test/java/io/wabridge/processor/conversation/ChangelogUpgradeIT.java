package io.wabridge.processor.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import io.wabridge.model.EventHeaders;
import io.wabridge.model.Fixtures;
import io.wabridge.model.Json;
import io.wabridge.model.state.ConversationState;
import io.wabridge.support.endpoint.Endpoints;
import io.wabridge.support.endpoint.EndpointsSettings;
import io.wabridge.support.kafka.TestKafkaBroker;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * An upgrade on a real broker: a changelog holding state exactly as the release before the shared
 * codec wrote it, next to state this build writes and a tombstone, restores as it should.
 */
class ChangelogUpgradeIT {

    private static final ConversationState GOLDEN =
            Json.fromBytes(Fixtures.bytes("golden/conversation-state-v1.json"), ConversationState.class);

    private final String servers = TestKafkaBroker.bootstrapServers();
    private final String topic = "upgrade-conversations-" + UUID.randomUUID();
    private final ConversationStore store = new ConversationStore(topic,
            new Retention(Duration.ZERO, new Endpoints(new EndpointsSettings(Map.of()))), Clock.systemUTC());

    @Test
    void restoresStateWrittenByThePreviousReleaseAlongsideTodaysAndTombstones() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        ProducerRecord<String, byte[]> previousRelease = new ProducerRecord<>(topic, 0, "1:previous",
                Fixtures.bytes("golden/conversation-state-v1-unversioned.json"));
        previousRelease.headers().add(EventHeaders.EVENT_TYPE, "conversation-state".getBytes(StandardCharsets.UTF_8));
        previousRelease.headers().add(EventHeaders.SCHEMA_VERSION, "1".getBytes(StandardCharsets.UTF_8));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(previousRelease).get();
            producer.send(store.changelogRecord("1:today", 0, GOLDEN.withHandover(false))).get();
            producer.send(store.changelogRecord("1:forgotten", 0, GOLDEN)).get();
            producer.send(store.tombstone(new ConversationStore.Idle("1:forgotten", 0))).get();
        }

        try (KafkaConsumer<String, byte[]> restorer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new ByteArrayDeserializer())) {
            store.restore(restorer, List.of(0), Duration.ofSeconds(30));
        }

        assertThat(store.get("1:previous")).isEqualTo(GOLDEN);
        assertThat(store.get("1:today")).isEqualTo(GOLDEN.withHandover(false));
        assertThat(store.get("1:forgotten")).isSameAs(ConversationState.NEW);
        assertThat(store.size()).isEqualTo(2);
    }
}
