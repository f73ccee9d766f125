package io.wabridge.ingress.observe;

import static org.assertj.core.api.Assertions.assertThat;

import io.wabridge.ingress.IngressTestContext;
import io.wabridge.ingress.KafkaForTests;
import io.wabridge.ingress.WebhookClient;
import io.wabridge.model.EventHeaders;
import io.wabridge.model.Topics;
import io.wabridge.support.kafka.EventCodec;
import io.wabridge.support.kafka.TestKafkaBroker;
import io.wabridge.support.kafka.TopicProbe;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What ingress shows of its traffic: Prometheus series after real webhooks, and the trace the records carry. */
@IngressTestContext
class IngressObservabilityIT extends KafkaForTests {

    private static final String SECRET = "app-secret";
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String PARENT_SPAN = "00f067aa0ba902b7";

    @LocalServerPort
    int port;

    private WebhookClient client;
    private TopicProbe probe;

    @BeforeEach
    void openProbe() {
        client = new WebhookClient("http://localhost:" + port);
        probe = TopicProbe.atEnd(TestKafkaBroker.bootstrapServers(), Topics.INBOUND);
    }

    @AfterEach
    void closeProbe() {
        probe.close();
    }

    @Test
    void recordsContinueTheWebhooksTraceInTheServerSpan() {
        byte[] body = delivery("wamid." + UUID.randomUUID());

        HttpResponse<String> response = client.post("/webhooks/whatsapp/demo", body, sign(body),
                Map.of(EventHeaders.TRACEPARENT, "00-" + TRACE_ID + "-" + PARENT_SPAN + "-01"));

        assertThat(response.statusCode()).isEqualTo(200);
        ConsumerRecord<String, byte[]> record = probe.await(1, WAIT).get(0);
        String traceparent = EventCodec.header(record.headers(), EventHeaders.TRACEPARENT);
        assertThat(traceparent).as("same trace, the ingress server span as parent, still sampled")
                .matches("00-" + TRACE_ID + "-[0-9a-f]{16}-01")
                .doesNotContain(PARENT_SPAN);
    }

    @Test
    void countsWebhooksByOutcomeAndTimesTheKafkaWrite() {
        double badBefore = value("wabridge_ingress_webhooks_total", "outcome=\"bad_signature\"");
        double acceptedBefore = value("wabridge_ingress_webhooks_total", "outcome=\"accepted\"");
        double writesBefore = value("wabridge_ingress_publish_seconds_count", "outcome=\"written\"");
        byte[] body = delivery("wamid." + UUID.randomUUID());

        assertThat(client.post("/webhooks/whatsapp/demo", body, "sha256=" + "0".repeat(64)).statusCode()).isEqualTo(401);
        assertThat(client.post("/webhooks/whatsapp/demo", body, sign(body)).statusCode()).isEqualTo(200);

        assertThat(value("wabridge_ingress_webhooks_total", "outcome=\"bad_signature\"")).isEqualTo(badBefore + 1);
        assertThat(value("wabridge_ingress_webhooks_total", "outcome=\"accepted\"")).isEqualTo(acceptedBefore + 1);
        assertThat(value("wabridge_ingress_publish_seconds_count", "outcome=\"written\"")).isEqualTo(writesBefore + 1);
        assertThat(scrape()).as("latency percentiles can be computed from buckets")
                .contains("wabridge_ingress_publish_seconds_bucket{");
    }

    private String scrape() {
        HttpResponse<String> response = client.get("/actuator/prometheus");
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** A series' value in the scrape, 0 when it does not exist yet. */
    private double value(String series, String label) {
        Matcher matcher = Pattern.compile("(?m)^" + series + "\\{[^}]*" + Pattern.quote(label) + "[^}]*} (\\S+)$").matcher(scrape());
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }

    private static String sign(byte[] body) {
        return io.wabridge.ingress.signature.SignatureVerifier.sign(SECRET, body);
    }

    private static byte[] delivery(String messageId) {
        return ("""
                {"object":"whatsapp_business_account","entry":[{"id":"WABA","changes":[{"field":"messages","value":{
                "messaging_product":"whatsapp","metadata":{"display_phone_number":"1555","phone_number_id":"1111"},
                "contacts":[{"profile":{"name":"Test"},"wa_id":"4911"}],
                "messages":[{"from":"4911","id":"%s","timestamp":"1750000000","type":"text","text":{"body":"hello"}}]}}]}]}"""
                .formatted(messageId)).getBytes(StandardCharsets.UTF_8);
    }
}
