package io.wabridge.crash;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.Uuid;

/**
 * A KRaft cluster of {@code size} nodes (each broker and controller), each its own JVM running
 * {@code kafka.Kafka} from this module's class path, its data under the run's folder (formatted
 * once with {@code kafka.tools.StorageTool}, reused by a restart). With three nodes, internal
 * topics get three replicas and {@code min.insync.replicas=2}, as production would.
 */
final class KafkaCluster implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
    private static final String HEAP = "384m";

    private final List<ChildJvm> nodes = new ArrayList<>();
    private final List<Integer> ports = new ArrayList<>();
    private final Admin admin;

    private KafkaCluster(Path dir, int size) {
        String clusterId = Uuid.randomUuid().toString();
        List<Integer> controllerPorts = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            ports.add(Ports.free());
            controllerPorts.add(Ports.free());
        }
        String voters = IntStream.range(0, size)
                .mapToObj(i -> (i + 1) + "@localhost:" + controllerPorts.get(i)).collect(Collectors.joining(","));
        List<ChildJvm> formats = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            int nodeId = i + 1;
            Path nodeDir = dir.resolve("kafka-" + nodeId);
            Path config = writeConfig(nodeDir, nodeId, ports.get(i), controllerPorts.get(i), voters, size);
            List<String> logging = List.of("-Dlogback.configurationFile=" + loggingConfig());
            formats.add(ChildJvm.main("kafka-format-" + nodeId, dir, "128m", logging, "kafka.tools.StorageTool",
                    List.of("format", "-t", clusterId, "-c", config.toString(), "--ignore-formatted")).start());
            nodes.add(ChildJvm.main("kafka-" + nodeId, dir, HEAP, logging, "kafka.Kafka", List.of(config.toString())));
        }
        formats.forEach(KafkaCluster::awaitSuccess);
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000));
    }

    static KafkaCluster start(Path dir, int size) {
        KafkaCluster cluster = new KafkaCluster(dir, size);
        cluster.nodes.forEach(ChildJvm::start);
        await("all " + size + " brokers up").atMost(START_TIMEOUT).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> {
                    cluster.nodes.forEach(ChildJvm::checkAlive);
                    return cluster.admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size() == size;
                });
        return cluster;
    }

    String bootstrapServers() {
        return ports.stream().map(port -> "localhost:" + port).collect(Collectors.joining(","));
    }

    int size() {
        return nodes.size();
    }

    /** The node id leading {@code topic}'s {@code partition}. */
    int leaderOf(String topic, int partition) throws Exception {
        TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get(20, TimeUnit.SECONDS).get(topic);
        Node leader = description.partitions().get(partition).leader();
        if (leader == null) {
            throw new IllegalStateException(topic + "-" + partition + " has no leader");
        }
        return leader.id();
    }

    void kill(int nodeId) {
        nodes.get(nodeId - 1).kill();
    }

    void restart(int nodeId) {
        nodes.get(nodeId - 1).start();
    }

    /** Waits until every partition of {@code topics} has all replicas in sync again (a restarted broker caught up). */
    void awaitFullIsr(Collection<String> topics, Duration timeout) {
        await("every replica of " + topics + " in sync").atMost(timeout).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS).values().stream()
                        .flatMap(description -> description.partitions().stream())
                        .map(TopicPartitionInfo::isr).allMatch(isr -> isr.size() == nodes.size()));
    }

    /** Waits until a broker answers metadata requests (after a restart of the only one). */
    void awaitUp(Duration timeout) {
        await("broker answering").atMost(timeout).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size() == nodes.size());
    }

    Admin admin() {
        return admin;
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
        nodes.forEach(ChildJvm::kill);
    }

    private static Path writeConfig(Path nodeDir, int nodeId, int port, int controllerPort, String voters, int size) {
        Properties config = new Properties();
        config.put("process.roles", "broker,controller");
        config.put("node.id", Integer.toString(nodeId));
        config.put("controller.quorum.voters", voters);
        config.put("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        config.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        config.put("controller.listener.names", "CONTROLLER");
        config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        config.put("inter.broker.listener.name", "PLAINTEXT");
        config.put("log.dirs", nodeDir.resolve("data").toAbsolutePath().toString());
        String replicas = Integer.toString(size);
        String minIsr = Integer.toString(Math.min(2, size));
        config.put("default.replication.factor", replicas);
        config.put("min.insync.replicas", minIsr);
        config.put("offsets.topic.replication.factor", replicas);
        config.put("offsets.topic.num.partitions", "12");
        config.put("transaction.state.log.replication.factor", replicas);
        config.put("transaction.state.log.min.isr", minIsr);
        config.put("transaction.state.log.num.partitions", "12");
        config.put("group.initial.rebalance.delay.ms", "0");
        config.put("auto.create.topics.enable", "false");
        config.put("unclean.leader.election.enable", "false");
        // A SIGKILLed broker is noticed by the controller within this, not the default 9 s.
        config.put("broker.session.timeout.ms", "6000");
        config.put("broker.heartbeat.interval.ms", "1000");
        try {
            Files.createDirectories(nodeDir);
            Path file = nodeDir.resolve("server.properties");
            try (var out = Files.newBufferedWriter(file)) {
                config.store(out, "crash-tests node " + nodeId);
            }
            return file.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String loggingConfig() {
        try {
            return Path.of(KafkaCluster.class.getResource("/crash-broker-logback.xml").toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitSuccess(ChildJvm format) {
        try {
            int exit = format.awaitExit(START_TIMEOUT.toSeconds());
            if (exit != 0) {
                throw new IllegalStateException(format.name() + " exited with " + exit + ": " + Files.readString(format.logFile()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
