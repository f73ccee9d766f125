package io.wabridge.ingress.chatwoot;

import static org.assertj.core.api.Assertions.assertThat;

import io.wabridge.ingress.InboundApiITSupport;
import io.wabridge.ingress.IngressTestContext;
import io.wabridge.model.event.InboundEvent;
import io.wabridge.model.event.InboundKind;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Chatwoot's webhooks, shaped as Chatwoot sends them ({@code message_created}: the message with its
 * {@code conversation}; {@code conversation_status_changed}: the conversation), through the real
 * ingress onto the real broker: an agent's message is an {@code agent_reply} of the conversation,
 * the resolution a handover {@code end}; private notes, incoming messages and other events are
 * dropped; a webhook without a valid signature or token is refused with 401.
 */
@IngressTestContext
class ChatwootWebhookIT extends InboundApiITSupport {

    @Test
    void anAgentsMessageIsAnAgentReplyAndTheResolutionEndsTheHandover() throws Exception {
        HttpResponse<String> reply = signed("demo", agentMessage(501, "outgoing", false, "user", "demo", "Hi, Ana here"));
        HttpResponse<String> again = signed("demo", agentMessage(501, "outgoing", false, "user", "demo", "Hi, Ana here"));
        HttpResponse<String> resolved = signed("demo", resolved("demo"));
        assertThat(List.of(reply.statusCode(), again.statusCode(), resolved.statusCode())).containsOnly(202);

        List<InboundEvent> events = probe.await(3, WAIT).stream().map(record -> codec.read(record, InboundEvent.class)).toList();
        assertThat(events).extracting(InboundEvent::kind).containsExactly(InboundKind.AGENT_REPLY, InboundKind.AGENT_REPLY,
                InboundKind.HANDOVER);
        assertThat(events).extracting(InboundEvent::conversationKey).containsOnly("1111:4917");
        assertThat(events.get(0).text()).isEqualTo("Hi, Ana here\nhttps://chatwoot.example/rails/active_storage/invoice.pdf");
        assertThat(events.get(1).eventId()).as("Chatwoot's repeat has the same id (dropped downstream)").isEqualTo(events.get(0).eventId());
        assertThat(events.get(2).data().toString())
                .isEqualTo("{\"action\":\"end\",\"status\":\"completed\",\"source\":\"agent\",\"handoverId\":\"h-1\"}");
    }

    @Test
    void privateNotesContactMessagesBotsOtherEndpointsAndOtherEventsAreDropped() throws Exception {
        assertThat(signed("demo", agentMessage(502, "outgoing", true, "user", "demo", "note to self")).body()).contains("private note");
        assertThat(signed("demo", agentMessage(503, "incoming", false, "contact", "demo", "from the user")).body())
                .contains("not an outgoing message");
        assertThat(signed("demo", agentMessage(504, "outgoing", false, "agent_bot", "demo", "bot")).body()).contains("not sent by an agent");
        assertThat(signed("demo", agentMessage(505, "outgoing", false, "user", "second", "elsewhere")).body())
                .contains("not one of this endpoint's handovers");
        assertThat(signed("demo", "{\"event\":\"conversation_status_changed\",\"id\":77,\"status\":\"open\"}").statusCode()).isEqualTo(200);
        assertThat(signed("demo", "{\"event\":\"webwidget_triggered\"}").statusCode()).isEqualTo(200);
        assertThat(probe.collectFor(Duration.ofSeconds(1))).isEmpty();
    }

    @Test
    void aWebhookWithoutAValidSignatureOrTokenIsRefused() throws Exception {
        String body = agentMessage(506, "outgoing", false, "user", "demo", "forged");
        String now = Long.toString(Instant.now().getEpochSecond());
        assertThat(post("/webhooks/chatwoot/demo", body, null, null).statusCode()).as("unsigned").isEqualTo(401);
        assertThat(post("/webhooks/chatwoot/demo", body, ChatwootWebhookCheck.sign("wrong-secret", now, bytes(body)), now).statusCode())
                .as("signed with another secret").isEqualTo(401);
        assertThat(post("/webhooks/chatwoot/demo", body + " ", ChatwootWebhookCheck.sign("cw-webhook-secret", now, bytes(body)), now)
                .statusCode()).as("body changed after signing").isEqualTo(401);
        String old = Long.toString(Instant.now().minus(Duration.ofMinutes(10)).getEpochSecond());
        assertThat(post("/webhooks/chatwoot/demo", body, ChatwootWebhookCheck.sign("cw-webhook-secret", old, bytes(body)), old)
                .statusCode()).as("replayed later").isEqualTo(401);
        String other = agentMessage(507, "outgoing", false, "user", "second", "forged");
        assertThat(post("/webhooks/chatwoot/second?token=guess", other, null, null).statusCode()).as("wrong URL token").isEqualTo(401);
        assertThat(post("/webhooks/chatwoot/open", other, null, null).statusCode()).as("no Chatwoot").isEqualTo(404);
        assertThat(post("/webhooks/chatwoot/demo", "x".repeat(70_000), null, null).statusCode()).as("over max-body-size").isEqualTo(413);
        assertThat(probe.collectFor(Duration.ofSeconds(1))).isEmpty();

        assertThat(post("/webhooks/chatwoot/second?token=cw-url-token", other.replace("forged", "real"), null, null).statusCode())
                .as("the right URL token").isEqualTo(202);
        assertThat(codec.read(probe.await(1, WAIT).get(0), InboundEvent.class).conversationKey()).isEqualTo("2222:4917");
    }

    /** A {@code message_created} webhook as Chatwoot's {@code Message#webhook_data} shapes it. */
    private static String agentMessage(long id, String type, boolean isPrivate, String senderType, String endpointId, String content) {
        return """
                {"event":"message_created","id":%d,"content":"%s","content_type":"text","message_type":"%s","private":%s,
                 "created_at":"2026-01-01T10:00:00.000Z","source_id":null,"content_attributes":{},
                 "attachments":%s,
                 "sender":{"id":3,"name":"Ana","email":"ana@example.com","type":"%s"},
                 "inbox":{"id":3,"name":"WhatsApp desk"},"account":{"id":7,"name":"Acme"},
                 "conversation":{"id":77,"inbox_id":3,"status":"open","additional_attributes":{},
                  "custom_attributes":{"wabridge_endpoint_id":"%s","wabridge_user_id":"4917","wabridge_handover_id":"h-1"},
                  "contact_inbox":{"source_id":"src-42"}}}""".formatted(id, content, type, isPrivate,
                id == 501 ? "[{\"id\":1,\"file_type\":\"file\",\"data_url\":\"https://chatwoot.example/rails/active_storage/invoice.pdf\"}]" : "[]",
                senderType, endpointId);
    }

    /** A {@code conversation_status_changed} webhook: the conversation's {@code webhook_data}. */
    private static String resolved(String endpointId) {
        return """
                {"event":"conversation_status_changed","id":77,"inbox_id":3,"status":"resolved",
                 "changed_attributes":[{"status":{"previous_value":"open","current_value":"resolved"}}],
                 "custom_attributes":{"wabridge_endpoint_id":"%s","wabridge_user_id":"4917","wabridge_handover_id":"h-1"},
                 "meta":{"sender":{"id":42,"name":"Ana","type":"contact"}}}""".formatted(endpointId);
    }

    private HttpResponse<String> signed(String endpointId, String body) throws IOException, InterruptedException {
        String now = Long.toString(Instant.now().getEpochSecond());
        return post("/webhooks/chatwoot/" + endpointId, body, ChatwootWebhookCheck.sign("cw-webhook-secret", now, bytes(body)), now);
    }

    private HttpResponse<String> post(String path, String body, String signature, String timestamp) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header("X-Chatwoot-Signature", signature).header("X-Chatwoot-Timestamp", timestamp)
                    .header("X-Chatwoot-Delivery", java.util.UUID.randomUUID().toString());
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
