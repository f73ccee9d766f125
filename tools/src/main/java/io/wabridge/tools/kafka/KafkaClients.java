package io.wabridge.tools.kafka;

import io.wabridge.support.kafka.KafkaClientFactory;
import io.wabridge.support.observe.ConsumerMeters;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.autoconfigure.ssl.PropertiesSslBundle;
import org.springframework.boot.autoconfigure.ssl.SslProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.ssl.DefaultSslBundleRegistry;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Clients for one cluster, built by the services' own {@link KafkaClientFactory} from the same
 * {@code spring.kafka.*} and {@code spring.ssl.bundle.*} settings the services read, taken from
 * the environment with Spring Boot's relaxed names ({@code SPRING_KAFKA_SECURITY_PROTOCOL},
 * {@code SPRING_KAFKA_SSL_BUNDLE}, {@code SPRING_SSL_BUNDLE_JKS_KAFKA_TRUSTSTORE_LOCATION},
 * {@code SPRING_KAFKA_PROPERTIES_SASL_MECHANISM}, …): whatever connects a service connects the tools.
 * Readers join no consumer group (they assign partitions and commit nothing, so they never disturb
 * the services) and see committed records only, as the services do. The writer waits for all
 * replicas and is idempotent.
 */
public final class KafkaClients {

    /** A wrong address or a broker that is down fails the command after this long instead of a minute. */
    private static final int API_TIMEOUT_MS = 15_000;

    private final KafkaClientFactory factory;

    private KafkaClients(KafkaClientFactory factory) {
        this.factory = factory;
    }

    /**
     * Bootstrap servers: {@code --bootstrap-servers}, else {@code KAFKA_BOOTSTRAP_SERVERS}, else
     * {@code SPRING_KAFKA_BOOTSTRAPSERVERS}, else localhost:9092. Everything else: {@code env}'s
     * {@code SPRING_KAFKA_*} and {@code SPRING_SSL_BUNDLE_*}.
     */
    public static KafkaClients of(String option, Map<String, String> env) {
        Binder binder = new Binder(ConfigurationPropertySources.from(
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.copyOf(env))));
        KafkaProperties kafka = binder.bindOrCreate("spring.kafka", KafkaProperties.class);
        String servers = option != null && !option.isBlank() ? option : env.get("KAFKA_BOOTSTRAP_SERVERS");
        if (servers != null && !servers.isBlank()) {
            kafka.setBootstrapServers(List.of(servers.split(",")));
        }
        // The bundles Spring Boot would register from spring.ssl.bundle.{jks,pem}.<name>.*
        SslProperties.Bundles ssl = binder.bindOrCreate("spring.ssl.bundle", SslProperties.Bundles.class);
        DefaultSslBundleRegistry bundles = new DefaultSslBundleRegistry();
        ssl.getJks().forEach((name, bundle) -> bundles.registerBundle(name, PropertiesSslBundle.get(bundle)));
        ssl.getPem().forEach((name, bundle) -> bundles.registerBundle(name, PropertiesSslBundle.get(bundle)));
        return new KafkaClients(new KafkaClientFactory(kafka, bundles, "wabridge-tools", ConsumerMeters.none()));
    }

    public Consumer<String, byte[]> reader() {
        return factory.consumer(null, "reader", Map.of(
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000,
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, API_TIMEOUT_MS));
    }

    public Producer<String, byte[]> writer() {
        return factory.producer("replay", Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, API_TIMEOUT_MS));
    }
}
