package io.wabridge.crash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Reads everything on {@code whatsapp.outbound-dlt}: a dead letter with a reason counts as handled, not lost. */
final class OutboundDeadLetters {

    static final String TOPIC = "whatsapp.outbound-dlt";

    private static final ObjectMapper JSON = new ObjectMapper();

    private OutboundDeadLetters() {
    }

    static List<Tally.DeadLetter> read(String bootstrapServers) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<Tally.DeadLetter> letters = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<PartitionInfo> partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(20));
            if (partitions == null || partitions.isEmpty()) {
                return letters;
            }
            List<TopicPartition> assigned = partitions.stream().map(info -> new TopicPartition(TOPIC, info.partition())).toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            Map<TopicPartition, Long> end = consumer.endOffsets(assigned, Duration.ofSeconds(20));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (assigned.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + TOPIC + " to its end within 30 s");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    letters.add(letter(record));
                }
            }
        }
        return letters;
    }

    private static Tally.DeadLetter letter(ConsumerRecord<byte[], byte[]> record) {
        Header reason = record.headers().lastHeader("failure-reason");
        String recipient = null;
        String text = null;
        try {
            JsonNode value = JSON.readTree(record.value());
            recipient = value.path("recipient").asText(null);
            text = value.path("message").path("text").path("body").asText(null);
        } catch (IOException | RuntimeException unreadable) {
            // an unreadable record keeps its reason; it matches no reply
        }
        return new Tally.DeadLetter(recipient, text, reason == null ? null : new String(reason.value(), StandardCharsets.UTF_8));
    }
}
