package io.wabridge.tools.kafka;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The tools read the services' Kafka settings from the environment, under the services' names. */
class KafkaClientsTest {

    @Test
    void theSecurityProtocolOfTheEnvironmentReachesReaderAndWriter() {
        KafkaClients clients = KafkaClients.of("localhost:9092", Map.of("SPRING_KAFKA_SECURITY_PROTOCOL", "NOT_A_PROTOCOL"));

        assertThatThrownBy(clients::reader).hasStackTraceContaining("NOT_A_PROTOCOL");
        assertThatThrownBy(clients::writer).hasStackTraceContaining("NOT_A_PROTOCOL");
    }

    @Test
    void theSslBundleNamedForKafkaIsLookedUpAmongTheEnvironmentsBundles() {
        // Only the name is checked here: Spring Boot loads a bundle's stores when a connection needs them.
        assertThatThrownBy(() -> KafkaClients.of("localhost:9092", Map.of(
                "SPRING_KAFKA_SECURITY_PROTOCOL", "SSL",
                "SPRING_KAFKA_SSL_BUNDLE", "kafka-tls")).reader())
                .hasStackTraceContaining("kafka-tls");
    }

    @Test
    void saslSettingsOfTheEnvironmentReachTheClients() {
        KafkaClients clients = KafkaClients.of("localhost:9092", Map.of(
                "SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT",
                "SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "PLAIN",
                "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", "com.example.NoSuchLoginModule required;"));

        assertThatThrownBy(clients::reader).hasStackTraceContaining("NoSuchLoginModule");
    }
}
