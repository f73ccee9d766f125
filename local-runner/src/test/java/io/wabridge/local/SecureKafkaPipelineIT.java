package io.wabridge.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wabridge.model.Topics;
import io.wabridge.model.event.StatusEvent;
import io.wabridge.model.event.StatusSource;
import io.wabridge.support.kafka.EventCodec;
import io.wabridge.support.kafka.TopicProbe;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline on a broker that accepts nothing but TLS with SCRAM-SHA-256 authentication,
 * configured for every service (and the sandbox, which shares their Kafka auto-configuration) only
 * through Spring Boot's own settings: {@code spring.kafka.security.protocol}, {@code spring.kafka.ssl.bundle}
 * naming a {@code spring.ssl.bundle.jks.*} trust store, and {@code spring.kafka.properties.sasl.*}.
 * A client built without them cannot connect: the webhook would not reach the fake Graph API
 * (ingress, processor, egress's outbound consumer), egress's status and ledger writes would be
 * missing, a service's own topics would not be created, its {@code kafka} health would be down.
 * The refusals show the broker really demands TLS, a trusted certificate and the SCRAM password.
 */
class SecureKafkaPipelineIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String LEDGER = "whatsapp.send-ledger";

    @TempDir
    static Path dir;

    private static SecureKafka kafka;
    private static LocalPipeline pipeline;
    private static LocalSettings local;
    private static SandboxClient sandbox;

    @BeforeAll
    static void start() throws Exception {
        kafka = SecureKafka.start(dir, freePort(), freePort());
        local = new LocalSettings(dir, 0, 0, freePort(), freePort(), freePort(), freePort(), kafka.bootstrapServers());
        List<String> security = List.of(
                "--spring.kafka.security.protocol=SASL_SSL",
                "--spring.kafka.ssl.bundle=kafka",
                "--spring.ssl.bundle.jks.kafka.truststore.location=file:" + kafka.truststore(),
                "--spring.ssl.bundle.jks.kafka.truststore.type=PKCS12",
                "--spring.ssl.bundle.jks.kafka.truststore.password=" + SecureKafka.STORE_PASSWORD,
                "--spring.kafka.properties.sasl.mechanism=SCRAM-SHA-256",
                "--spring.kafka.properties.sasl.jaas.config=" + SecureKafka.jaas(SecureKafka.USER, SecureKafka.PASSWORD));
        pipeline = LocalPipeline.start(local, Map.of(), security, security);
        sandbox = new SandboxClient(local.sandboxPort());
    }

    @AfterAll
    static void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    /**
     * Ingress's producer, the processor's consumer, restorer and transactional producer, and
     * egress's outbound consumer carry the webhook to the fake Graph API; egress's producer then
     * records each send on the statuses and ledger topics (a send reaches Graph even when those
     * writes fail, so they are checked on their own).
     */
    @Test
    void aWebhookReachesWhatsAppThroughTheSecuredBroker() {
        String user = "4915550000101";
        EventCodec codec = new EventCodec();
        try (TopicProbe written = TopicProbe.atEnd(secureClient(SecureKafka.PASSWORD, true), Topics.STATUSES, LEDGER)) {
            assertThat(sandbox.say(user, "multi").get("ingressStatus").asInt()).as("ingress wrote the webhook durably").isEqualTo(200);

            List<JsonNode> sent = await().atMost(WAIT).until(() -> sandbox.outbox(user), messages -> messages.size() >= 3);
            assertThat(sent).extracting(message -> message.at("/body/text/body").asText()).containsExactly("1/3", "2/3", "3/3");

            List<String> wamids = sent.stream().map(message -> message.get("id").asText()).toList();
            List<String> reportedByEgress = written.await(3, record -> Topics.STATUSES.equals(record.topic())
                            && codec.read(record, StatusEvent.class).source() == StatusSource.EGRESS
                            && wamids.contains(codec.read(record, StatusEvent.class).messageId()), WAIT)
                    .stream().map(record -> codec.read(record, StatusEvent.class).messageId()).toList();
            assertThat(reportedByEgress).as("egress's status events").containsExactlyInAnyOrderElementsOf(wamids);
            assertThat(written.await(3, record -> LEDGER.equals(record.topic()), WAIT)).as("egress's ledger entries").hasSizeGreaterThanOrEqualTo(3);
        }
    }

    /** Topics only one service declares exist only if that service's topic creation authenticated. */
    @Test
    void eachServiceCreatedItsOwnTopics() throws Exception {
        try (Admin admin = Admin.create(secureClient(SecureKafka.PASSWORD, true))) {
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains(
                    "whatsapp.conversations", Topics.deadLetterOf(Topics.INBOUND), // processor
                    LEDGER, Topics.deadLetterOf(Topics.OUTBOUND)); // egress
        }
    }

    @Test
    void everyServicesKafkaHealthCheckAuthenticates() {
        for (int port : new int[] {local.ingressPort(), local.processorPort(), local.egressPort()}) {
            JsonNode kafkaHealth = await().atMost(WAIT).until(() -> health(port).at("/components/kafka"),
                    health -> "UP".equals(health.path("status").asText()));
            assertThat(kafkaHealth.at("/details/nodes").asInt()).as("port %d", port).isEqualTo(1);
        }
    }

    @Test
    void theRightSettingsOutsideSpringConnect() throws Exception {
        // The control for the refusals below: the same client with every setting right gets an answer.
        try (Admin admin = Admin.create(secureClient(SecureKafka.PASSWORD, true))) {
            assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS)).hasSize(1);
        }
    }

    @Test
    void aPlaintextClientIsRefused() {
        try (Admin admin = Admin.create(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            assertThatThrownBy(() -> admin.describeCluster(new DescribeClusterOptions().timeoutMs(5_000)).nodes().get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
        }
    }

    @Test
    void aClientThatDoesNotTrustTheBrokersCertificateIsRefused() {
        try (Admin admin = Admin.create(secureClient(SecureKafka.PASSWORD, false))) {
            assertThatThrownBy(() -> admin.describeCluster().nodes().get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(SslAuthenticationException.class);
        }
    }

    @Test
    void aClientWithTheWrongPasswordIsRefused() {
        try (Admin admin = Admin.create(secureClient("not-the-password", true))) {
            assertThatThrownBy(() -> admin.describeCluster().nodes().get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    private static Map<String, Object> secureClient(String password, boolean trustBroker) {
        Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL");
        config.put(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-256");
        config.put(SaslConfigs.SASL_JAAS_CONFIG, SecureKafka.jaas(SecureKafka.USER, password));
        if (trustBroker) {
            config.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, kafka.truststore().toString());
            config.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PKCS12");
            config.put(SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, SecureKafka.STORE_PASSWORD);
        }
        return config;
    }

    private static JsonNode health(int port) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(response.body());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
