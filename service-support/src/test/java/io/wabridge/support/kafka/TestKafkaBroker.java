package io.wabridge.support.kafka;

import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The real broker integration tests talk to: {@code KAFKA_BOOTSTRAP_SERVERS} when set (an
 * external broker or a Testcontainers-started one), else one in-process KRaft broker per test
 * JVM, started on first use and stopped at JVM exit. Never a mocked Kafka.
 */
public final class TestKafkaBroker {

    private static EmbeddedKafkaBroker embedded;

    private TestKafkaBroker() {
    }

    public static synchronized String bootstrapServers() {
        String external = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        if (external != null && !external.isBlank()) {
            return external;
        }
        if (embedded == null) {
            EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
            broker.brokerProperties(java.util.Map.of(
                    "auto.create.topics.enable", "false",
                    "transaction.state.log.replication.factor", "1",
                    "transaction.state.log.min.isr", "1"));
            broker.afterPropertiesSet();
            Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "embedded-kafka-shutdown"));
            embedded = broker;
        }
        return embedded.getBrokersAsString();
    }
}
