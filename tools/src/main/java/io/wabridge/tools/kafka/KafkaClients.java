package io.wabridge.tools.kafka;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Clients for one broker. Readers join no consumer group (they assign partitions and commit
 * nothing, so they never disturb the services) and see committed records only, as the services do.
 * The writer waits for all replicas and is idempotent.
 */
public record KafkaClients(String bootstrapServers) {

    /** A wrong address or a broker that is down fails the command after this long instead of a minute. */
    private static final int API_TIMEOUT_MS = 15_000;

    /** {@code --bootstrap-servers}, else {@code KAFKA_BOOTSTRAP_SERVERS} / {@code SPRING_KAFKA_BOOTSTRAPSERVERS}, else localhost:9092. */
    public static KafkaClients of(String option, Map<String, String> env) {
        if (option != null && !option.isBlank()) {
            return new KafkaClients(option);
        }
        for (String name : new String[] {"KAFKA_BOOTSTRAP_SERVERS", "SPRING_KAFKA_BOOTSTRAPSERVERS"}) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                return new KafkaClients(value);
            }
        }
        return new KafkaClients("localhost:9092");
    }

    public KafkaConsumer<String, byte[]> reader() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.CLIENT_ID_CONFIG, "wabridge-tools",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000,
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, API_TIMEOUT_MS),
                new StringDeserializer(), new ByteArrayDeserializer());
    }

    public KafkaProducer<String, byte[]> writer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.CLIENT_ID_CONFIG, "wabridge-tools-replay",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, API_TIMEOUT_MS),
                new StringSerializer(), new ByteArraySerializer());
    }
}
