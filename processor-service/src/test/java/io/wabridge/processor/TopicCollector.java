package io.wabridge.processor;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads every committed record of a topic from the beginning, in the background, for assertions. */
final class TopicCollector {

    private final List<ConsumerRecord<String, byte[]>> records = new CopyOnWriteArrayList<>();

    TopicCollector(String bootstrapServers, String topic) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Thread thread = new Thread(() -> {
            while (true) {
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
            }
        }, "collector-" + topic);
        thread.setDaemon(true);
        thread.start();
    }

    /** The records with this key, in offset order (one key lives on one partition). */
    List<ConsumerRecord<String, byte[]>> withKey(String key) {
        return records.stream().filter(record -> key.equals(record.key())).toList();
    }
}
