package io.wabridge.ingress.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wabridge.ingress.IngressTestContext;
import io.wabridge.ingress.KafkaForTests;
import io.wabridge.ingress.WebhookClient;
import io.wabridge.model.Fixtures;
import io.wabridge.model.Json;
import io.wabridge.model.Topics;
import io.wabridge.model.event.ChangeEvent;
import io.wabridge.model.event.InboundEvent;
import io.wabridge.model.event.InboundKind;
import io.wabridge.support.kafka.EventCodec;
import io.wabridge.support.kafka.TestKafkaBroker;
import io.wabridge.support.kafka.TopicProbe;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Signed {@code smb_message_echoes}, {@code messaging_handovers} and {@code standby} deliveries
 * (Meta's documented shapes) over real HTTP onto the real broker: each change kept on
 * {@code whatsapp.changes}, and its conversation's events on {@code whatsapp.inbound} under the
 * conversation key, on the partition of the user's own messages.
 */
@IngressTestContext
class OtherRespondersIT extends KafkaForTests {

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
        probe = TopicProbe.atEnd(TestKafkaBroker.bootstrapServers(), Topics.INBOUND, Topics.STATUSES, Topics.CHANGES, Topics.QUARANTINE);
    }

    @AfterEach
    void closeProbe() {
        probe.close();
    }

    @Test
    void echoesHandoversAndStandbyCopiesReachTheInboundTopicKeyedByConversationAndStayOnTheChangesTopic() {
        String user = "49" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        String key = "1111:" + user;

        assertThat(client.postSigned("/webhooks/whatsapp", forUser("webhook/smb-message-echoes.json", user), SECRET).statusCode())
                .isEqualTo(200);
        assertThat(client.postSigned("/webhooks/whatsapp", forUser("webhook/messaging-handovers.json", user), SECRET).statusCode())
                .isEqualTo(200);
        assertThat(client.postSigned("/webhooks/whatsapp/demo", forUser("webhook/standby.json", user), SECRET).statusCode())
                .isEqualTo(200);

        // 2 echoes + 1 change, 2 notifications + 2 changes, 2 standby copies + 1 change
        List<ConsumerRecord<String, byte[]>> records = probe.await(10, WAIT);
        List<ConsumerRecord<String, byte[]>> inbound = records.stream().filter(r -> r.topic().equals(Topics.INBOUND)).toList();
        assertThat(inbound).extracting(ConsumerRecord::key).containsOnly(key);
        assertThat(inbound).extracting(ConsumerRecord::partition).as("one conversation, one partition").containsOnly(
                inbound.get(0).partition());
        assertThat(inbound.stream().map(record -> codec.read(record, InboundEvent.class)).map(InboundEvent::kind)).containsExactly(
                InboundKind.ECHO, InboundKind.ECHO, InboundKind.THREAD_CONTROL, InboundKind.THREAD_CONTROL,
                InboundKind.STANDBY, InboundKind.STANDBY);
        assertThat(records.stream().filter(r -> r.topic().equals(Topics.CHANGES)).map(r -> codec.read(r, ChangeEvent.class))
                .map(ChangeEvent::field)).containsExactly("smb_message_echoes", "messaging_handovers", "messaging_handovers", "standby");
        assertThat(records).extracting(ConsumerRecord::topic).doesNotContain(Topics.STATUSES, Topics.QUARANTINE);
        assertThat(probe.collectFor(QUIET)).as("nothing beyond the 10 records").hasSize(10);
    }

    @Test
    void anEchoSignedWithAnotherSecretIsRefused() {
        assertThat(client.postSigned("/webhooks/whatsapp", forUser("webhook/smb-message-echoes.json", "4900001"), "wrong")
                .statusCode()).isEqualTo(401);
        assertThat(probe.collectFor(QUIET)).isEmpty();
    }

    /** The fixture on the test endpoint's number 1111, about {@code user}. */
    private static byte[] forUser(String fixture, String user) {
        JsonNode delivery = Fixtures.tree(fixture).deepCopy();
        for (JsonNode change : delivery.at("/entry/0/changes")) {
            JsonNode value = change.path("value");
            ((ObjectNode) value.path("metadata")).put("phone_number_id", "1111");
            // A user known by phone number only (no business-scoped id), so that every item names them alike.
            value.path("contacts").forEach(contact -> ((ObjectNode) contact).put("wa_id", user).remove("user_id"));
            value.path("messages").forEach(message -> ((ObjectNode) message).put("from", user).remove("from_user_id"));
            value.path("message_echoes").forEach(echo -> ((ObjectNode) echo).put("to", user)
                    .put("id", echo.path("id").asText() + user));
            value.path("messages").forEach(message -> ((ObjectNode) message).put("id", message.path("id").asText() + user));
        }
        return Json.toBytes(delivery);
    }
}
