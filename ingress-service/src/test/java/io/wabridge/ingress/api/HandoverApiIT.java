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
import org.junit.jupiter.api.Test;

/** The handover API: each call a durably written inbound event of its conversation, refused like Inject &amp; Notify. */
@IngressTestContext
class HandoverApiIT extends InboundApiITSupport {

    @Test
    void startStatusReplyAndEndBecomeCommandsAndAnAgentReplyOfTheConversation() throws Exception {
        assertThat(post("demo", "start", "demo-api-key", "{\"userId\":\"4921\",\"provider\":\"kafka\",\"data\":{\"team\":\"billing\"}}")
                .statusCode()).isEqualTo(202);
        assertThat(post("demo", "status", "demo-api-key", "{\"userId\":\"4921\",\"status\":\"queued\",\"queuePosition\":3}")
                .statusCode()).isEqualTo(202);
        assertThat(post("demo", "reply", "demo-api-key", "{\"userId\":\"4921\",\"text\":\"Hi, this is Ana\"}").statusCode())
                .isEqualTo(202);
        assertThat(post("demo", "end", "demo-api-key", "{\"userId\":\"4921\"}").statusCode()).isEqualTo(202);

        List<InboundEvent> events = probe.await(4, WAIT).stream().map(record -> codec.read(record, InboundEvent.class)).toList();
        assertThat(events).extracting(InboundEvent::kind)
                .containsExactly(InboundKind.HANDOVER, InboundKind.HANDOVER, InboundKind.AGENT_REPLY, InboundKind.HANDOVER);
        assertThat(events).extracting(InboundEvent::conversationKey).containsOnly("1111:4921");
        assertThat(events.get(0).data().toString()).isEqualTo("{\"team\":\"billing\",\"action\":\"start\",\"provider\":\"kafka\"}");
        assertThat(events.get(1).data().toString()).isEqualTo("{\"action\":\"queued\",\"queuePosition\":3}");
        assertThat(events.get(2).text()).isEqualTo("Hi, this is Ana");
        assertThat(events.get(3).data().toString()).isEqualTo("{\"action\":\"end\",\"status\":\"completed\",\"source\":\"agent\"}");
    }

    @Test
    void refusesBadKeysAndInvalidCommands() throws Exception {
        assertThat(post("demo", "start", "wrong", "{\"userId\":\"1\"}").statusCode()).isEqualTo(401);
        assertThat(post("second", "end", "anything", "{\"userId\":\"1\"}").statusCode()).isEqualTo(403);
        HttpResponse<String> badStatus = post("demo", "status", "demo-api-key", "{\"userId\":\"1\",\"status\":\"ended\"}");
        assertThat(badStatus.statusCode()).isEqualTo(400);
        assertThat(badStatus.body()).contains("status must be queued or active");
        assertThat(post("demo", "end", "demo-api-key", "{\"userId\":\"1\",\"status\":\"timeout\"}").statusCode()).isEqualTo(400);
        assertThat(post("demo", "start", "demo-api-key", "{}").statusCode()).isEqualTo(400);
        assertThat(post("demo", "reply", "demo-api-key", "{\"userId\":\"1\"}").statusCode()).isEqualTo(400);
        assertThat(post("demo", "nonsense", "demo-api-key", "{\"userId\":\"1\"}").statusCode()).isEqualTo(404);
        assertThat(probe.collectFor(Duration.ofSeconds(1))).isEmpty();
    }

    private HttpResponse<String> post(String endpoint, String action, String apiKey, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/endpoints/" + endpoint + "/handover/" + action))
                .header("Content-Type", "application/json")
                .header("X-API-Key", apiKey)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
