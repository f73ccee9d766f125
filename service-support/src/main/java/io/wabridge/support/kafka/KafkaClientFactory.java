package io.wabridge.support.kafka;

import io.wabridge.support.observe.ConsumerMeters;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.autoconfigure.kafka.SslBundleSslEngineFactory;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.ProducerFactory;

/**
 * The one place every wabridge Kafka client is built: producers, consumers and admin clients of
 * every service, topic creation, the health check and the command line tools. Each starts from
 * Spring Boot's {@code spring.kafka.*} settings ({@link KafkaProperties#buildConsumerProperties(SslBundles)}
 * and its siblings), so bootstrap servers, {@code spring.kafka.security.protocol},
 * {@code spring.kafka.ssl.bundle} (a {@code spring.ssl.bundle.*} key and trust store),
 * {@code spring.kafka.properties.sasl.*} and the rest, configured once, reach every client.
 *
 * <p>On top of them come only what wabridge decides per client: a client id
 * ({@code <spring.kafka.client-id or the application name>-<suffix>}, so two clients of one JVM
 * never share metrics or quota names), the caller's overrides, and the serialization: keys are
 * strings, values raw bytes (decoding is ours, so a poison record is something we dead-letter,
 * never an exception inside the client). Consumers never auto-commit: wabridge commits an offset
 * after its work is done, or commits nothing.
 */
public class KafkaClientFactory {

    private final KafkaProperties properties;
    private final SslBundles sslBundles;
    private final String clientIdPrefix;
    private final ConsumerMeters meters;

    /**
     * @param sslBundles may be null when no {@code spring.kafka.ssl.bundle} is configured
     * @param defaultClientIdPrefix used when {@code spring.kafka.client-id} is not set
     * @param meters every consumer's Kafka client meters (lag, fetch rates) are bound under its client id suffix
     */
    public KafkaClientFactory(KafkaProperties properties, SslBundles sslBundles, String defaultClientIdPrefix, ConsumerMeters meters) {
        this.properties = properties;
        this.sslBundles = sslBundles;
        this.clientIdPrefix = properties.getClientId() != null ? properties.getClientId() : defaultClientIdPrefix;
        this.meters = meters;
    }

    /**
     * A consumer of string keys and byte values, with its meters bound under {@code clientIdSuffix}
     * (a role's new consumer, after a restart, replaces the old one's meters).
     *
     * @param groupId null for a consumer that assigns partitions itself and commits nothing
     *                ({@code spring.kafka.consumer.group-id} is never used: each role names its group)
     */
    public Consumer<String, byte[]> consumer(String groupId, String clientIdSuffix, Map<String, ?> overrides) {
        return meters.bind(clientIdSuffix,
                new KafkaConsumer<>(consumerConfig(groupId, clientIdSuffix, overrides), new StringDeserializer(), new ByteArrayDeserializer()));
    }

    /** A producer of string keys and byte values. */
    public Producer<String, byte[]> producer(String clientIdSuffix, Map<String, ?> overrides) {
        return new KafkaProducer<>(producerConfig(clientIdSuffix, overrides), new StringSerializer(), new ByteArraySerializer());
    }

    /** The same producers for a {@code KafkaTemplate}: one shared producer, created on first use. */
    public ProducerFactory<String, byte[]> producerFactory(String clientIdSuffix, Map<String, ?> overrides) {
        return new DefaultKafkaProducerFactory<>(producerConfig(clientIdSuffix, overrides), new StringSerializer(), new ByteArraySerializer());
    }

    /** An admin client; the caller closes it. */
    public Admin admin(String clientIdSuffix) {
        return Admin.create(adminConfig(clientIdSuffix));
    }

    Map<String, Object> consumerConfig(String groupId, String clientIdSuffix, Map<String, ?> overrides) {
        Map<String, Object> config = new HashMap<>(properties.buildConsumerProperties(sslBundles));
        applySslBundle(config, properties.getConsumer().getSsl());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        if (groupId != null) {
            config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        }
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return finish(config, clientIdSuffix, overrides);
    }

    Map<String, Object> producerConfig(String clientIdSuffix, Map<String, ?> overrides) {
        Map<String, Object> config = new HashMap<>(properties.buildProducerProperties(sslBundles));
        applySslBundle(config, properties.getProducer().getSsl());
        return finish(config, clientIdSuffix, overrides);
    }

    /** Also what Spring's {@code KafkaAdmin} (topic creation) is built from. */
    public Map<String, Object> adminConfig(String clientIdSuffix) {
        Map<String, Object> config = new HashMap<>(properties.buildAdminProperties(sslBundles));
        applySslBundle(config, properties.getAdmin().getSsl());
        return finish(config, clientIdSuffix, Map.of());
    }

    /**
     * {@code spring.kafka.[consumer|producer|admin.]ssl.bundle}: since Spring Boot 3.5 the
     * {@code build*Properties} methods leave the bundle out (Boot's own factories add it from their
     * {@code KafkaConnectionDetails}), so a client built from them alone would connect without the
     * bundle's trust and key stores. Applied here the way Boot applies it.
     */
    private void applySslBundle(Map<String, Object> config, KafkaProperties.Ssl clientSsl) {
        String name = clientSsl.getBundle() != null ? clientSsl.getBundle() : properties.getSsl().getBundle();
        if (name == null || name.isBlank()) {
            return;
        }
        if (sslBundles == null) {
            throw new IllegalStateException("spring.kafka.ssl.bundle is " + name + " but no SSL bundles are configured (spring.ssl.bundle.*)");
        }
        config.put(SslConfigs.SSL_ENGINE_FACTORY_CLASS_CONFIG, SslBundleSslEngineFactory.class);
        config.put(SslBundle.class.getName(), sslBundles.getBundle(name));
    }

    private Map<String, Object> finish(Map<String, Object> config, String clientIdSuffix, Map<String, ?> overrides) {
        config.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientIdPrefix + "-" + clientIdSuffix);
        config.putAll(overrides);
        // The serializers are given as instances, so configured class names would only be ignored.
        config.remove(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG);
        config.remove(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);
        config.remove(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
        config.remove(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
        return config;
    }
}
