package io.wabridge.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's run command starts a working pipeline, and a restart keeps what Kafka holds. */
class LocalPipelineIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    @Test
    void startsAcceptsAWebhookAndKeepsTopicsAcrossARestart() throws Exception {
        LocalSettings local = new LocalSettings(dataDir, freePort(), freePort(), freePort(), freePort(), freePort(), freePort(), null);
        String messageId = "wamid." + UUID.randomUUID();

        try (LocalPipeline pipeline = LocalPipeline.start(local, Map.of())) {
            assertThat(pipeline.kafkaInProcess()).isTrue();
            HttpResponse<String> verify = get(local, "/webhooks/whatsapp/demo?hub.mode=subscribe&hub.challenge=42&hub.verify_token="
                    + LocalDefaults.VERIFY_TOKEN);
            assertThat(verify.statusCode()).isEqualTo(200);
            assertThat(verify.body()).isEqualTo("42");
            assertThat(postSigned(local, messageId).statusCode()).isEqualTo(200);
        }

        try (LocalPipeline restarted = LocalPipeline.start(local, Map.of())) {
            assertThat(inboundValues(restarted.bootstrapServers())).anySatisfy(value -> assertThat(value).contains(messageId));
            assertThat(postSigned(local, "wamid." + UUID.randomUUID()).statusCode()).isEqualTo(200);
        }
    }

    private static List<String> inboundValues(String bootstrap) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("whatsapp.inbound"));
            List<String> values = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (values.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> values.add(record.value()));
            }
            return values;
        }
    }

    private static HttpResponse<String> postSigned(LocalSettings local, String messageId) throws Exception {
        byte[] body = ("""
                {"object":"whatsapp_business_account","entry":[{"id":"W","changes":[{"field":"messages","value":{
                "messaging_product":"whatsapp","metadata":{"display_phone_number":"1","phone_number_id":"%s"},
                "contacts":[{"profile":{"name":"T"},"wa_id":"4911"}],
                "messages":[{"from":"4911","id":"%s","timestamp":"1750000000","type":"text","text":{"body":"hi"}}]}}]}]}"""
                .formatted(LocalDefaults.PHONE_NUMBER_ID, messageId)).getBytes(StandardCharsets.UTF_8);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(LocalDefaults.APP_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + local.ingressPort() + "/webhooks/whatsapp/demo"))
                .header("X-Hub-Signature-256", "sha256=" + HexFormat.of().formatHex(mac.doFinal(body)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(LocalSettings local, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + local.ingressPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
