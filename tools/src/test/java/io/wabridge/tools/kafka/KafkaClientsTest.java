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
    void theSslBundleNamedForKafkaIsLoadedFromTheEnvironment() {
        assertThatThrownBy(() -> KafkaClients.of(null, Map.of(
                "SPRING_KAFKA_SSL_BUNDLE", "kafka",
                "SPRING_SSL_BUNDLE_JKS_KAFKA_TRUSTSTORE_LOCATION", "file:/no/such/kafka-truststore.p12",
                "SPRING_SSL_BUNDLE_JKS_KAFKA_TRUSTSTORE_PASSWORD", "secret")).reader())
                .hasStackTraceContaining("kafka-truststore.p12");
    }

    @Test
    void saslSettingsOfTheEnvironmentReachTheClients() {
        KafkaClients clients = KafkaClients.of("localhost:9092", Map.of(
                "SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT",
                "SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "NO-SUCH-MECHANISM",
                "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"u\" password=\"p\";"));

        assertThatThrownBy(clients::reader).hasStackTraceContaining("NO-SUCH-MECHANISM");
    }
}
