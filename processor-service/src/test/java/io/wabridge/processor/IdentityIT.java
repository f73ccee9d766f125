package io.wabridge.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wabridge.model.EventHeaders;
import io.wabridge.model.Json;
import io.wabridge.model.Topics;
import io.wabridge.model.event.InboundEvent;
import io.wabridge.model.event.InboundKind;
import io.wabridge.model.event.OutboundMessage;
import io.wabridge.model.state.ConversationState;
import io.wabridge.processor.pipeline.InboundProcessor;
import io.wabridge.support.kafka.TestKafkaBroker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A person's conversation through the real broker whatever ids their webhooks carry
 * (docs/events.md, "Conversation key"): state an earlier version kept under the phone number is
 * claimed by the business-scoped conversation, and an identity change carries session and handover over.
 */
class IdentityIT extends ProcessorITSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PNID = TestEvents.PHONE_NUMBER_ID;

    @Autowired
    InboundProcessor processor;

    /**
     * The upgrade: state written by the previous release under {@code pnid:phone}. The person's
     * next webhooks carry their business-scoped id (with and without the phone number): one
     * session, the old dedupe memory, messages in order, and the flow still sees the phone number
     * as the user id. An API call naming the phone number reaches the same conversation.
     */
    @Test
    void stateKeptUnderThePhoneNumberByThePreviousReleaseContinuesUnderTheBusinessScopedKey() throws Exception {
        String phone = newUser();
        String bsuid = "US." + phone + "77";
        String legacyKey = PNID + ":" + phone;
        String key = PNID + ":" + bsuid;
        String session = UUID.randomUUID().toString();
        writePreviousReleaseState(legacyKey, session, "wamid.before-" + phone);
        processor.stop();
        processor.start();

        Instant now = Instant.now();
        send(TestEvents.scopedText(PNID, bsuid, phone, null, "wamid.1-" + phone, "first", now));
        send(TestEvents.scopedText(PNID, bsuid, null, "@ana", "wamid.2-" + phone, "second", now.plusSeconds(1)));
        send(TestEvents.scopedText(PNID, bsuid, phone, null, "wamid.before-" + phone, "handled before the upgrade", now.plusSeconds(2)));
        send(TestEvents.scopedText(PNID, bsuid, phone, null, "wamid.3-" + phone, "third", now.plusSeconds(3)));

        await().atMost(WAIT).until(() -> outbound(key).size() == 3);
        List<JsonNode> calls = cognigyCalls(phone).stream().map(ProcessorITSupport::body).toList();
        assertThat(calls).extracting(call -> call.path("text").asText()).containsExactly("first", "second", "third");
        assertThat(calls).extracting(call -> call.path("sessionId").asText()).containsOnly(session);
        JsonNode identity = calls.get(1).path("data").path("identity");
        assertThat(identity.path("userId").asText()).isEqualTo(phone);
        assertThat(identity.path("businessScopedUserId").asText()).isEqualTo(bsuid);
        assertThat(identity.path("phoneNumber").asText()).as("kept when a webhook leaves it out").isEqualTo(phone);
        assertThat(identity.path("username").asText()).isEqualTo("@ana");
        assertThat(outbound(key)).extracting(ProcessorITSupport::textOf).containsExactly("echo first", "echo second", "echo third");
        assertThat(outbound(key)).extracting(OutboundMessage::recipient).as("to the phone number while it is known")
                .containsOnly(phone);
        assertThat(outbound(legacyKey)).isEmpty();

        send(inject(legacyKey, phone, "named by phone number"));

        await().atMost(WAIT).until(() -> outbound(key).size() == 4);
        JsonNode injected = body(cognigyCalls(phone).get(3));
        assertThat(injected.path("text").asText()).isEqualTo("named by phone number");
        assertThat(injected.path("sessionId").asText()).isEqualTo(session);
    }

    /** A new person (no earlier state): the flow sees the business-scoped id, or the phone number where the endpoint says so. */
    @Test
    void aNewPersonIsKnownToTheFlowByTheBusinessScopedIdUnlessTheEndpointAsksForThePhoneNumber() {
        String phone = newUser();
        String bsuid = "DE." + phone;
        send(TestEvents.scopedText(PNID, bsuid, phone, null, "wamid.new-" + phone, "hello", Instant.now()));
        send(TestEvents.scopedText("9031", bsuid, phone, null, "wamid.new-" + phone, "hello", Instant.now()));

        await().atMost(WAIT).until(() -> outbound(PNID + ":" + bsuid).size() == 1 && outbound("9031:" + bsuid).size() == 1);
        assertThat(cognigyCalls(bsuid)).singleElement()
                .satisfies(call -> assertThat(call.getUrl()).contains("/cognigy/demo"));
        assertThat(cognigyCalls(phone)).singleElement()
                .satisfies(call -> assertThat(call.getUrl()).contains("/cognigy/by-phone"));
    }

    /**
     * A change of business-scoped id (and number) during a handover: the change is keyed on the
     * old id; the conversation continues under the new one with its session and its handover,
     * the flow keeps seeing the first id, and replies go to the new identity.
     */
    @Test
    void anIdentityChangeCarriesSessionAndHandoverOverToTheNewId() {
        String user = newUser();
        String before = "US." + user + "1";
        String after = "US." + user + "2";
        String newPhone = newUser();
        Instant now = Instant.now();
        send(TestEvents.scopedText(PNID, before, null, "@bo", "wamid.hi-" + user, "hello", now));
        await().atMost(WAIT).until(() -> outbound(PNID + ":" + before).size() == 1);
        String session = body(cognigyCalls(before).get(0)).path("sessionId").asText();

        send(handover(PNID + ":" + before, before, true));
        send(TestEvents.identityChange(PNID, "user_changed_number", before, after, newPhone, "wamid.sys-" + user, now.plusSeconds(2)));
        send(TestEvents.scopedText(PNID, after, newPhone, "@bo", "wamid.agent-please-" + user, "are you there?", now.plusSeconds(3)));
        send(agentReply(PNID + ":" + after, after, "An agent here"));
        send(handover(PNID + ":" + after, after, false));
        send(TestEvents.scopedText(PNID, after, newPhone, "@bo", "wamid.back-" + user, "back to the bot", now.plusSeconds(5)));

        await().atMost(WAIT).until(() -> outbound(PNID + ":" + after).stream()
                .anyMatch(message -> textOf(message).equals("echo back to the bot")));
        List<JsonNode> calls = cognigyCalls(before).stream().map(ProcessorITSupport::body).toList();
        assertThat(calls).filteredOn(call -> call.has("text")).extracting(call -> call.path("text").asText())
                .as("nothing the user wrote during the handover reached the flow").containsExactly("hello", "back to the bot");
        assertThat(calls).filteredOn(call -> !call.has("text")).singleElement().as("the flow is told the handover ended")
                .satisfies(call -> assertThat(call.path("data").path("handover").path("status").asText()).isEqualTo("completed"));
        assertThat(calls).extracting(call -> call.path("sessionId").asText()).containsOnly(session);
        assertThat(calls.get(calls.size() - 1).path("data").path("identity").path("businessScopedUserId").asText()).isEqualTo(after);
        List<OutboundMessage> sent = outbound(PNID + ":" + after);
        assertThat(sent).extracting(ProcessorITSupport::textOf).contains("An agent here").last().isEqualTo("echo back to the bot");
        assertThat(sent).extracting(OutboundMessage::recipient).containsOnly(newPhone);
        assertThat(outbound(PNID + ":" + before)).hasSize(1);
    }

    /**
     * The changelog record the previous release wrote: schema version 1 in the header, none in the
     * value, and as its last offset the inbound partition's last record (it had handled everything).
     */
    private static void writePreviousReleaseState(String key, String session, String handledMessageId) throws Exception {
        int partition = Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % 12;
        long lastOffset;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestKafkaBroker.bootstrapServers()), new StringDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition inbound = new TopicPartition(Topics.INBOUND, partition);
            lastOffset = consumer.endOffsets(List.of(inbound)).get(inbound) - 1;
        }
        ObjectNode state = Json.mapper().createObjectNode().put("sessionId", session)
                .put("lastActivity", Instant.now().minusSeconds(60).toString()).put("handover", false).put("lastOffset", lastOffset);
        state.putArray("recentMessageIds").add(handledMessageId);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>("whatsapp.conversations", partition, key, Json.toBytes(state));
        record.headers().add(EventHeaders.EVENT_TYPE, "conversation-state".getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventHeaders.SCHEMA_VERSION, "1".getBytes(StandardCharsets.UTF_8));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestKafkaBroker.bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(record).get();
        }
        assertThat(Json.fromBytes(record.value(), ConversationState.class).sessionId()).isEqualTo(session);
    }

    private static InboundEvent inject(String key, String userId, String text) {
        return api(InboundKind.INJECT, key, userId, text, null);
    }

    private static InboundEvent agentReply(String key, String userId, String text) {
        return api(InboundKind.AGENT_REPLY, key, userId, text, null);
    }

    private static InboundEvent handover(String key, String userId, boolean active) {
        return api(InboundKind.HANDOVER, key, userId, null, Json.mapper().createObjectNode().put("active", active));
    }

    private static InboundEvent api(InboundKind kind, String key, String userId, String text, JsonNode data) {
        return new InboundEvent(InboundEvent.SCHEMA_VERSION, kind.name().toLowerCase() + "-" + UUID.randomUUID(), kind,
                TestEvents.ENDPOINT, PNID, key, userId, null, null, null, Instant.now(), null, text, data, null, null, null, null);
    }
}
