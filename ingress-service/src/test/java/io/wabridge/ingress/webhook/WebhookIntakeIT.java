package io.wabridge.ingress.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.wabridge.ingress.IngressTestContext;
import io.wabridge.ingress.KafkaForTests;
import io.wabridge.ingress.WebhookClient;
import io.wabridge.ingress.signature.SignatureVerifier;
import io.wabridge.model.EventHeaders;
import io.wabridge.model.Fixtures;
import io.wabridge.model.Json;
import io.wabridge.model.Topics;
import io.wabridge.model.event.ChangeEvent;
import io.wabridge.model.event.DeliveryStatus;
import io.wabridge.model.event.InboundEvent;
import io.wabridge.model.event.QuarantineRecord;
import io.wabridge.model.event.StatusEvent;
import io.wabridge.model.privacy.Masking;
import io.wabridge.support.kafka.EventCodec;
import io.wabridge.support.kafka.TestKafkaBroker;
import io.wabridge.support.kafka.TopicProbe;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The webhook against a real broker, over real HTTP, with every answer the contract promises. */
@IngressTestContext
@ExtendWith(OutputCaptureExtension.class)
class WebhookIntakeIT extends KafkaForTests {

    private static final String SECRET = "app-secret";
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Duration QUIET = Duration.ofSeconds(1);

    @LocalServerPort
    int port;

    private WebhookClient client;
    private TopicProbe probe;
    private final EventCodec codec = new EventCodec();

    @BeforeEach
    void openProbe() {
        client = new WebhookClient("http://localhost:" + port);
        probe = TopicProbe.atEnd(TestKafkaBroker.bootstrapServers(),
                Topics.INBOUND, Topics.STATUSES, Topics.CHANGES, Topics.QUARANTINE);
    }

    @AfterEach
    void closeProbe() {
        probe.close();
    }

    @Test
    void splitsSignedBatchedDeliveryIntoKeyedRecordsInOrder() {
        byte[] body = Fixtures.bytes("webhook/batched-3-entries.json");

        HttpResponse<String> response = client.postSigned("/webhooks/whatsapp", body, SECRET);

        assertThat(response.statusCode()).isEqualTo(200);
        List<ConsumerRecord<String, byte[]>> records = probe.await(11, WAIT);
        Map<String, List<ConsumerRecord<String, byte[]>>> byTopic = records.stream()
                .collect(Collectors.groupingBy(ConsumerRecord::topic));

        List<InboundEvent> inbound = read(byTopic.get(Topics.INBOUND), InboundEvent.class);
        assertThat(inbound).extracting(InboundEvent::messageId)
                .containsExactlyInAnyOrder("wamid.A1", "wamid.B1", "wamid.A2", "wamid.A3", "wamid.A4", "wamid.C1");
        assertThat(inbound.stream().filter(event -> event.conversationKey().equals("1111:4911")).map(InboundEvent::messageId))
                .as("one conversation's messages keep their delivery order")
                .containsExactly("wamid.A1", "wamid.A2", "wamid.A3", "wamid.A4");
        assertThat(inbound).filteredOn(event -> event.messageId().equals("wamid.C1")).singleElement()
                .satisfies(event -> {
                    assertThat(event.endpointId()).isEqualTo("second");
                    assertThat(event.conversationKey()).isEqualTo("2222:4933");
                    assertThat(event.contactName()).isEqualTo("Cy");
                });
        assertThat(inbound).filteredOn(event -> event.messageId().equals("wamid.A1")).singleElement()
                .satisfies(event -> assertThat(event.message().at("/text/body").asText()).isEqualTo("Hallo, ich möchte bestellen"));
        byTopic.get(Topics.INBOUND).forEach(record -> assertThat(record.key()).isEqualTo(
                Json.fromBytes(record.value(), InboundEvent.class).conversationKey()));

        List<StatusEvent> statuses = read(byTopic.get(Topics.STATUSES), StatusEvent.class);
        assertThat(statuses).extracting(StatusEvent::messageId, StatusEvent::status).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("wamid.out1", DeliveryStatus.SENT),
                org.assertj.core.groups.Tuple.tuple("wamid.out1", DeliveryStatus.DELIVERED),
                org.assertj.core.groups.Tuple.tuple("wamid.out2", DeliveryStatus.READ),
                org.assertj.core.groups.Tuple.tuple("wamid.out3", DeliveryStatus.FAILED));
        assertThat(statuses.stream().filter(status -> status.messageId().equals("wamid.out1")).map(StatusEvent::status))
                .containsExactly(DeliveryStatus.SENT, DeliveryStatus.DELIVERED);

        assertThat(read(byTopic.get(Topics.CHANGES), ChangeEvent.class)).singleElement()
                .satisfies(change -> assertThat(change.field()).isEqualTo("account_update"));
        assertThat(byTopic).doesNotContainKey(Topics.QUARANTINE);

        // One conversation lives on one partition on every topic: Bo's message and statuses share it.
        int inboundPartition = partitionOf(byTopic.get(Topics.INBOUND), "1111:4922");
        int statusPartition = partitionOf(byTopic.get(Topics.STATUSES), "1111:4922");
        assertThat(inboundPartition).isEqualTo(statusPartition);
        records.forEach(record -> {
            assertThat(EventCodec.header(record.headers(), EventHeaders.SCHEMA_VERSION)).isEqualTo("1");
            assertThat(EventCodec.header(record.headers(), EventHeaders.TRACEPARENT)).startsWith("00-");
        });
        assertThat(probe.collectFor(QUIET)).as("nothing beyond the 11 items").hasSize(11);
    }

    @Test
    void endpointUrlAcceptsItsSignedDelivery() {
        byte[] body = delivery("1111", "4911", "wamid." + UUID.randomUUID());

        HttpResponse<String> response = client.postSigned("/webhooks/whatsapp/demo", body, SECRET);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(probe.await(1, WAIT)).singleElement()
                .satisfies(record -> assertThat(record.key()).isEqualTo("1111:4911"));
    }

    @Test
    void refusesMissingOrWrongSignatureWithoutWritingOrRevealing() {
        byte[] body = delivery("1111", "4911", "wamid." + UUID.randomUUID());
        String expected = SignatureVerifier.sign(SECRET, body);

        HttpResponse<String> unsigned = client.post("/webhooks/whatsapp/demo", body, null);
        HttpResponse<String> wrong = client.postSigned("/webhooks/whatsapp/demo", body, "not-the-secret");
        HttpResponse<String> routedWrong = client.postSigned("/webhooks/whatsapp", body, "not-the-secret");

        assertThat(List.of(unsigned, wrong, routedWrong)).allSatisfy(response -> {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.body()).doesNotContain(expected.substring(7));
        });
        assertThat(probe.collectFor(QUIET)).isEmpty();
    }

    @Test
    void acceptsSignatureOverEscapedUnicodeBody() {
        byte[] body = new String(delivery("1111", "4911", "wamid." + UUID.randomUUID()), StandardCharsets.UTF_8)
                .replace("hello", "Grüße").getBytes(StandardCharsets.UTF_8);
        String escapedSignature = SignatureVerifier.sign(SECRET,
                new String(body, StandardCharsets.UTF_8).replace("ü", "\\u00fc").replace("ß", "\\u00df").getBytes(StandardCharsets.US_ASCII));

        HttpResponse<String> response = client.post("/webhooks/whatsapp/demo", body, escapedSignature);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(probe.await(1, WAIT)).hasSize(1);
    }

    @Test
    void unknownEndpointOrPhoneNumberIs404AndNothingIsWritten() {
        byte[] unknownNumber = delivery("9999", "4911", "wamid." + UUID.randomUUID());

        HttpResponse<String> unknownId = client.postSigned("/webhooks/whatsapp/nope", unknownNumber, SECRET);
        HttpResponse<String> unknownRouted = client.postSigned("/webhooks/whatsapp", unknownNumber, SECRET);

        assertThat(unknownId.statusCode()).isEqualTo(404);
        assertThat(unknownRouted.statusCode()).isEqualTo(404);
        assertThat(unknownRouted.body()).contains("9999");
        assertThat(probe.collectFor(QUIET)).isEmpty();
    }

    @Test
    void bodyOverTheLimitIs413WithOrWithoutContentLength() {
        byte[] big = new byte[100 * 1024];
        java.util.Arrays.fill(big, (byte) ' ');

        assertThat(client.postSigned("/webhooks/whatsapp/demo", big, SECRET).statusCode()).isEqualTo(413);
        assertThat(client.postChunked("/webhooks/whatsapp/open", big).statusCode()).isEqualTo(413);
        assertThat(probe.collectFor(QUIET)).isEmpty();
    }

    @Test
    void signedBodyThatIsNotJsonIsQuarantinedVerbatimAnd200() {
        byte[] garbage = "{\"object\": \"whatsapp_business_account\", \"entry\": [ truncated".getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = client.postSigned("/webhooks/whatsapp", garbage, SECRET);

        assertThat(response.statusCode()).isEqualTo(200);
        ConsumerRecord<String, byte[]> record = probe.await(1, WAIT).get(0);
        assertThat(record.topic()).isEqualTo(Topics.QUARANTINE);
        QuarantineRecord quarantined = codec.read(record, QuarantineRecord.class);
        assertThat(quarantined.body()).isEqualTo(garbage);
        assertThat(quarantined.reason()).contains("not a WhatsApp webhook");
        assertThat(quarantined.endpointId()).isIn("demo", "second");
        assertThat(quarantined.headers()).containsEntry("x-hub-signature-256", SignatureVerifier.sign(SECRET, garbage));
    }

    @Test
    void signedJsonThatIsNotAWhatsAppPayloadIsQuarantined() {
        byte[] other = "{\"object\":\"page\",\"entry\":[]}".getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = client.postSigned("/webhooks/whatsapp/demo", other, SECRET);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(probe.await(1, WAIT)).singleElement().satisfies(record -> {
            assertThat(record.topic()).isEqualTo(Topics.QUARANTINE);
            assertThat(codec.read(record, QuarantineRecord.class).endpointId()).isEqualTo("demo");
        });
    }

    @Test
    void unsignedGarbageOnTheRoutedUrlIsRefused() {
        HttpResponse<String> response = client.post("/webhooks/whatsapp", "garbage".getBytes(StandardCharsets.UTF_8), null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(probe.collectFor(QUIET)).isEmpty();
    }

    @Test
    void endpointWithoutAppSecretAcceptsUnsignedDeliveries() {
        HttpResponse<String> response = client.post("/webhooks/whatsapp/open", delivery("3333", "4944", "wamid." + UUID.randomUUID()), null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(probe.await(1, WAIT)).singleElement().satisfies(record -> assertThat(record.key()).isEqualTo("3333:4944"));
    }

    @Test
    void verificationHandshake() {
        String path = "/webhooks/whatsapp/demo?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=";

        HttpResponse<String> ok = client.get(path + "demo-verify");
        HttpResponse<String> wrongToken = client.get(path + "other");
        HttpResponse<String> wrongMode = client.get("/webhooks/whatsapp/demo?hub.mode=unsubscribe&hub.challenge=1&hub.verify_token=demo-verify");
        HttpResponse<String> missing = client.get("/webhooks/whatsapp/demo?hub.mode=subscribe");
        HttpResponse<String> unknown = client.get("/webhooks/whatsapp/nope?hub.mode=subscribe&hub.challenge=1&hub.verify_token=x");

        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("1158201444");
        assertThat(wrongToken.statusCode()).isEqualTo(403);
        assertThat(wrongToken.body()).doesNotContain("demo-verify");
        assertThat(wrongMode.statusCode()).isEqualTo(403);
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    @Test
    void readinessIncludesKafka() {
        HttpResponse<String> readiness = client.get("/actuator/health/readiness");

        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"kafka\":{\"status\":\"UP\"");
    }

    private <T> List<T> read(List<ConsumerRecord<String, byte[]>> records, Class<T> type) {
        assertThat(records).as("records of type " + type.getSimpleName()).isNotNull();
        return records.stream().map(record -> codec.read(record, type)).toList();
    }

    private static int partitionOf(List<ConsumerRecord<String, byte[]>> records, String key) {
        return records.stream().filter(record -> key.equals(record.key())).findFirst().orElseThrow().partition();
    }

    @Test
    void maskedLogsContainNeitherTheUsersNumberNorTheText(CapturedOutput output) {
        String waId = "49" + System.nanoTime();
        String text = "my secret " + UUID.randomUUID();
        byte[] body = delivery("1111", waId, "wamid." + UUID.randomUUID(), text);

        withDebugLogs(() -> {
            assertThat(client.post("/webhooks/whatsapp/demo", body, "sha256=" + "0".repeat(64)).statusCode()).isEqualTo(401);
            assertThat(client.postSigned("/webhooks/whatsapp/demo", body, SECRET).statusCode()).isEqualTo(200);
            assertThat(inject("demo", "demo-api-key", waId, text).statusCode()).isEqualTo(202);
        });

        assertThat(output.getAll())
                .contains("Webhook refused with 401")
                .contains("from " + Masking.ON.key("1111:" + waId) + " for endpoint demo written: text ***")
                .contains("INJECT for " + Masking.ON.key("1111:" + waId) + " accepted for endpoint demo")
                .doesNotContain(waId)
                .doesNotContain(text);
    }

    @Test
    void withMaskingOffTheSameLinesShowNumberAndText(CapturedOutput output) {
        String waId = "49" + System.nanoTime();
        String text = "my secret " + UUID.randomUUID();

        withDebugLogs(() -> assertThat(client.post("/webhooks/whatsapp/open",
                delivery("3333", waId, "wamid." + UUID.randomUUID(), text), null).statusCode()).isEqualTo(200));

        assertThat(output.getAll()).contains("from 3333:" + waId + " for endpoint open written: text " + text);
    }

    private static void withDebugLogs(Runnable run) {
        LoggingSystem logging = LoggingSystem.get(WebhookIntakeIT.class.getClassLoader());
        logging.setLogLevel("io.wabridge", LogLevel.DEBUG);
        try {
            run.run();
        } finally {
            logging.setLogLevel("io.wabridge", null);
        }
    }

    private HttpResponse<String> inject(String endpoint, String apiKey, String userId, String text) {
        try {
            String json = Json.mapper().createObjectNode().put("userId", userId).put("text", text).toString();
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/endpoints/" + endpoint + "/inject"))
                    .header("Content-Type", "application/json").header("X-API-Key", apiKey)
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build();
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] delivery(String phoneNumberId, String waId, String messageId) {
        return delivery(phoneNumberId, waId, messageId, "hello");
    }

    static byte[] delivery(String phoneNumberId, String waId, String messageId, String text) {
        return ("""
                {"object":"whatsapp_business_account","entry":[{"id":"WABA","changes":[{"field":"messages","value":{
                "messaging_product":"whatsapp","metadata":{"display_phone_number":"1555","phone_number_id":"%s"},
                "contacts":[{"profile":{"name":"Test"},"wa_id":"%s"}],
                "messages":[{"from":"%s","id":"%s","timestamp":"1750000000","type":"text","text":{"body":"%s"}}]}}]}]}"""
                .formatted(phoneNumberId, waId, waId, messageId, text)).getBytes(StandardCharsets.UTF_8);
    }
}
