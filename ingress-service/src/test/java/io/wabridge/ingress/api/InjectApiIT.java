package io.wabridge.ingress.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.wabridge.ingress.InboundApiITSupport;
import io.wabridge.ingress.IngressTestContext;
import io.wabridge.model.event.InboundEvent;
import io.wabridge.model.event.InboundKind;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@IngressTestContext
class InjectApiIT extends InboundApiITSupport {

    @Test
    void injectAndNotifyBecomeInboundEventsOfTheirConversation() throws Exception {
        HttpResponse<String> inject = post("demo", "inject", "demo-api-key", null,
                "{\"userId\":\"4911\",\"sessionId\":\"s-1\",\"text\":\"order shipped\",\"data\":{\"orderId\":\"A-17\"}}");
        HttpResponse<String> notify = post("demo", "notify", "demo-api-key", null, "{\"userId\":\"4911\",\"text\":\"hello from the shop\"}");

        assertThat(inject.statusCode()).isEqualTo(202);
        assertThat(notify.statusCode()).isEqualTo(202);
        List<InboundEvent> events = probe.await(2, WAIT).stream().map(record -> codec.read(record, InboundEvent.class)).toList();
        assertThat(events).extracting(InboundEvent::kind).containsExactly(InboundKind.INJECT, InboundKind.NOTIFY);
        assertThat(events.get(0)).satisfies(event -> {
            assertThat(event.conversationKey()).isEqualTo("1111:4911");
            assertThat(event.endpointId()).isEqualTo("demo");
            assertThat(event.sessionId()).isEqualTo("s-1");
            assertThat(event.data().get("orderId").asText()).isEqualTo("A-17");
            assertThat(inject.body()).contains(event.eventId());
        });
    }

    @Test
    void retryWithTheSameIdempotencyKeyCarriesTheSameEventId() throws Exception {
        String body = "{\"userId\":\"4912\",\"text\":\"once\"}";

        post("demo", "notify", "demo-api-key", "key-1", body);
        post("demo", "notify", "demo-api-key", "key-1", body);
        post("demo", "notify", "demo-api-key", "key-2", body);

        List<ConsumerRecord<String, byte[]>> records = probe.await(3, WAIT);
        List<String> ids = records.stream().map(record -> codec.read(record, InboundEvent.class).eventId()).toList();
        assertThat(ids).hasSize(3);
        assertThat(ids.get(0)).isEqualTo(ids.get(1)).isNotEqualTo(ids.get(2));
    }

    @Test
    void refusesBadKeysDisabledEndpointsAndInvalidBodies() throws Exception {
        assertThat(post("demo", "inject", "wrong", null, "{\"userId\":\"1\",\"text\":\"x\"}").statusCode()).isEqualTo(401);
        assertThat(post("demo", "inject", null, null, "{\"userId\":\"1\",\"text\":\"x\"}").statusCode()).isEqualTo(401);
        assertThat(post("second", "inject", "anything", null, "{\"userId\":\"1\",\"text\":\"x\"}").statusCode()).isEqualTo(403);
        assertThat(post("nope", "inject", "demo-api-key", null, "{\"userId\":\"1\",\"text\":\"x\"}").statusCode()).isEqualTo(404);

        HttpResponse<String> noText = post("demo", "inject", "demo-api-key", null, "{\"userId\":\"1\"}");
        HttpResponse<String> dataNotObject = post("demo", "inject", "demo-api-key", null, "{\"userId\":\"1\",\"data\":[1]}");
        HttpResponse<String> longText = post("demo", "inject", "demo-api-key", null,
                "{\"userId\":\"1\",\"text\":\"" + "x".repeat(10_001) + "\"}");
        assertThat(noText.statusCode()).isEqualTo(400);
        assertThat(noText.body()).contains("text or data is required");
        assertThat(dataNotObject.body()).contains("data must be a JSON object");
        assertThat(longText.body()).contains("at most 10000");
        assertThat(post("demo", "inject", "demo-api-key", null, "{not json").statusCode()).isEqualTo(400);
        assertThat(probe.collectFor(Duration.ofSeconds(1))).isEmpty();
    }

    private HttpResponse<String> post(String endpoint, String action, String apiKey, String idempotencyKey, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/endpoints/" + endpoint + "/" + action))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (apiKey != null) {
            request.header("X-API-Key", apiKey);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
