package io.wabridge.egress;

import io.wabridge.support.observe.ConsumerMeters;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Creates the plain Kafka consumers egress runs its own poll loops on, from Spring Boot's
 * {@code spring.kafka.*} settings. Values are always raw bytes: decoding is ours, so a poison
 * record is something we dead-letter, never an exception inside the client.
 */
public class EgressKafkaClients {

    private final Map<String, Object> base;
    private final ConsumerMeters meters;

    public EgressKafkaClients(Map<String, Object> consumerProperties, ConsumerMeters meters) {
        this.base = Map.copyOf(consumerProperties);
        this.meters = meters;
    }

    /**
     * @param groupId null for a consumer that assigns partitions itself and commits nothing
     * @param clientIdSuffix also the role its Kafka client meters (lag…) are bound under
     */
    public Consumer<String, byte[]> consumer(String groupId, String clientIdSuffix, Map<String, Object> overrides) {
        Map<String, Object> properties = new HashMap<>(base);
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        if (groupId != null) {
            properties.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        }
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "wabridge-egress-" + clientIdSuffix);
        properties.putAll(overrides);
        properties.remove(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG);
        properties.remove(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);
        return meters.bind(clientIdSuffix, new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer()));
    }
}
