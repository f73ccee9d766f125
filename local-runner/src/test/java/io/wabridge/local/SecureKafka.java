package io.wabridge.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A single-node KRaft broker whose only client listener is {@code SASL_SSL} with SCRAM-SHA-256:
 * a certificate for {@code localhost} made here with the JDK's {@code keytool}, and SCRAM users
 * written into the cluster metadata when the log directory is formatted (KRaft keeps SCRAM
 * credentials in its metadata log, so they are bootstrapped like {@code kafka-storage format
 * --add-scram}; there is no ZooKeeper to put them in and no unauthenticated listener to create
 * them through the admin API). The broker talks to itself over the same listener as user
 * {@code broker}; the controller quorum listener is plaintext and serves controllers only.
 */
final class SecureKafka implements AutoCloseable {

    static final String USER = "wabridge";
    static final String PASSWORD = "wabridge-scram-secret";
    static final String STORE_PASSWORD = "store-secret";
    private static final String BROKER_USER = "broker";
    private static final String BROKER_PASSWORD = "broker-scram-secret";
    private static final String MECHANISM = "SCRAM-SHA-256";

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final Path truststore;

    private SecureKafka(KafkaRaftServer server, String bootstrapServers, Path truststore) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.truststore = truststore;
    }

    static SecureKafka start(Path dir, int port, int controllerPort) throws Exception {
        Path keystore = dir.resolve("broker.p12");
        Path certificate = dir.resolve("broker.crt");
        Path truststore = dir.resolve("truststore.p12");
        keytool("-genkeypair", "-alias", "broker", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", "broker", "-keystore", keystore.toString(), "-storepass", STORE_PASSWORD,
                "-file", certificate.toString());
        keytool("-importcert", "-noprompt", "-alias", "broker", "-file", certificate.toString(),
                "-keystore", truststore.toString(), "-storetype", "PKCS12", "-storepass", STORE_PASSWORD);

        String logDir = dir.resolve("kafka").toString();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        new Formatter()
                .setPrintStream(new PrintStream(output, true, StandardCharsets.UTF_8))
                .setClusterId(Uuid.randomUuid().toString())
                .setNodeId(1)
                .setControllerListenerName("CONTROLLER")
                .setMetadataLogDirectory(logDir)
                .setDirectories(Set.of(logDir))
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                .setScramArguments(List.of(
                        MECHANISM + "=[name=" + USER + ",password=" + PASSWORD + "]",
                        MECHANISM + "=[name=" + BROKER_USER + ",password=" + BROKER_PASSWORD + "]"))
                .run();

        Properties config = new Properties();
        config.put("process.roles", "broker,controller");
        config.put("node.id", "1");
        config.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        config.put("listeners", "SECURE://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        config.put("advertised.listeners", "SECURE://localhost:" + port);
        config.put("listener.security.protocol.map", "SECURE:SASL_SSL,CONTROLLER:PLAINTEXT");
        config.put("controller.listener.names", "CONTROLLER");
        config.put("inter.broker.listener.name", "SECURE");
        config.put("sasl.enabled.mechanisms", MECHANISM);
        config.put("sasl.mechanism.inter.broker.protocol", MECHANISM);
        config.put("listener.name.secure.scram-sha-256.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + BROKER_USER
                        + "\" password=\"" + BROKER_PASSWORD + "\";");
        config.put("ssl.keystore.location", keystore.toString());
        config.put("ssl.keystore.type", "PKCS12");
        config.put("ssl.keystore.password", STORE_PASSWORD);
        config.put("ssl.key.password", STORE_PASSWORD);
        config.put("ssl.truststore.location", truststore.toString());
        config.put("ssl.truststore.type", "PKCS12");
        config.put("ssl.truststore.password", STORE_PASSWORD);
        config.put("log.dirs", logDir);
        config.put("offsets.topic.replication.factor", "1");
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("group.initial.rebalance.delay.ms", "0");
        config.put("auto.create.topics.enable", "false");
        KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(config, false), Time.SYSTEM);
        server.startup();
        return new SecureKafka(server, "localhost:" + port, truststore);
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    /** The PKCS12 trust store holding the broker's certificate (what a client needs to trust it). */
    Path truststore() {
        return truststore;
    }

    static String jaas(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user + "\" password=\"" + password + "\";";
    }

    private static void keytool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("keytool " + arguments[0] + " failed: " + output);
        }
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
