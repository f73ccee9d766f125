package io.wabridge.support.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The real broker integration tests talk to, one per test JVM, chosen once ({@link #choose}):
 * {@code KAFKA_BOOTSTRAP_SERVERS} when set (an external broker); else a Testcontainers Kafka
 * (KRaft, {@value #IMAGE}) when a Docker engine answers; else an in-process KRaft broker. The
 * started broker is stopped at JVM exit. Never a mocked Kafka.
 */
public final class TestKafkaBroker {

    /** The broker version that matches the Kafka client on the class path. */
    static final String IMAGE = "apache/kafka:3.9.1";
    /** Asking for a Docker engine never holds a test run up longer than this. */
    private static final Duration DOCKER_PROBE_TIMEOUT = Duration.ofSeconds(5);
    /** What every broker gets: topics only as the services declare them, and transactions on one node. */
    private static final Map<String, String> BROKER_SETTINGS = Map.of(
            "auto.create.topics.enable", "false",
            "transaction.state.log.replication.factor", "1",
            "transaction.state.log.min.isr", "1");

    enum Kind { EXTERNAL, CONTAINER, IN_PROCESS }

    private static String bootstrapServers;

    private TestKafkaBroker() {
    }

    public static synchronized String bootstrapServers() {
        if (bootstrapServers == null) {
            String external = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
            bootstrapServers = switch (choose(external, TestKafkaBroker::dockerAnswers)) {
                case EXTERNAL -> external;
                case CONTAINER -> startContainer();
                case IN_PROCESS -> startInProcess();
            };
        }
        return bootstrapServers;
    }

    /** Which broker to use; {@code dockerAvailable} is asked only when no external broker is named. */
    static Kind choose(String externalBootstrapServers, BooleanSupplier dockerAvailable) {
        if (externalBootstrapServers != null && !externalBootstrapServers.isBlank()) {
            return Kind.EXTERNAL;
        }
        return dockerAvailable.getAsBoolean() ? Kind.CONTAINER : Kind.IN_PROCESS;
    }

    /** Testcontainers' own check (environment, socket, config file), bounded: a hanging engine counts as none. */
    private static boolean dockerAnswers() {
        try {
            return CompletableFuture.supplyAsync(() -> DockerClientFactory.instance().isDockerAvailable())
                    .get(DOCKER_PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            return false;
        }
    }

    private static String startContainer() {
        KafkaContainer container = new KafkaContainer(DockerImageName.parse(IMAGE));
        BROKER_SETTINGS.forEach((name, value) -> container.withEnv("KAFKA_" + name.toUpperCase().replace('.', '_'), value));
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "kafka-container-shutdown"));
        return container.getBootstrapServers();
    }

    private static String startInProcess() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.brokerProperties(BROKER_SETTINGS);
        broker.afterPropertiesSet();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "embedded-kafka-shutdown"));
        return broker.getBrokersAsString();
    }
}
