package io.wabridge.processor;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wabridge.model.EventIds;
import io.wabridge.model.Json;
import io.wabridge.model.Topics;
import io.wabridge.model.event.HandoverEndReason;
import io.wabridge.model.event.HandoverEvent;
import io.wabridge.model.event.HandoverEventType;
import io.wabridge.model.event.HandoverStatus;
import io.wabridge.model.event.InboundEvent;
import io.wabridge.model.event.InboundKind;
import io.wabridge.processor.pipeline.InboundProcessor;
import io.wabridge.support.kafka.TestKafkaBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Handover to human agents through the real broker: started by a flow output's marker and by a
 * command, ended by the agent, the user's cancel keyword, the inactivity timeout and an
 * unreachable provider; what reaches {@code whatsapp.handover} (the agent side), the outbound
 * topic (the user) and the (WireMock) flow.
 */
class HandoverIT extends ProcessorITSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static TopicCollector handover;

    @Autowired
    InboundProcessor processor;

    /** The flow: "human please" asks for an agent; the end input is answered with its status. */
    @BeforeAll
    static void flowAndDesk() {
        cognigy.stubFor(post(urlPathMatching("/cognigy/.*")).atPriority(5)
                .withRequestBody(matchingJsonPath("$.text", equalTo("human please")))
                .willReturn(okJson("{\"outputStack\":[{\"text\":\"Connecting you\",\"data\":{\"handover\":"
                        + "{\"action\":\"start\",\"team\":\"billing\"}},\"source\":\"bot\"}]}")));
        cognigy.stubFor(post(urlPathMatching("/cognigy/.*")).atPriority(5)
                .withRequestBody(matchingJsonPath("$.data.handover.status"))
                .willReturn(okJson("{\"outputStack\":[{\"text\":\"back: {{jsonPath request.body '$.data.handover.status'}}\","
                        + "\"source\":\"bot\"}]}").withTransformers("response-template")));
        cognigy.stubFor(post(urlPathMatching("/desk/unreachable/.*")).willReturn(aResponse().withStatus(503)));
    }

    /** After the context started: the services create the topic. */
    @BeforeEach
    void collectHandoverTopic() {
        synchronized (HandoverIT.class) {
            if (handover == null) {
                handover = new TopicCollector(TestKafkaBroker.bootstrapServers(), Topics.HANDOVER);
            }
        }
    }

    @Test
    void aFlowOutputStartsAHandoverTheAgentSideGetsTheMessagesOnceAndInOrderAndEndsIt() {
        String user = newUser();
        String key = "9013:" + user;
        send(TestEvents.text("9013", user, "wamid.ask-" + user, "human please", Instant.now()));

        await().atMost(WAIT).until(() -> handoverEvents(key).size() == 2 && texts(key).size() == 1);
        assertThat(texts(key)).containsExactly("Connecting you");
        assertThat(handoverEvents(key)).extracting(HandoverEvent::status).containsExactly(HandoverStatus.REQUESTED, HandoverStatus.QUEUED);
        HandoverEvent requested = handoverEvents(key).get(0);
        assertThat(requested.source()).isEqualTo("bot");
        assertThat(requested.provider()).isEqualTo("kafka");
        assertThat(requested.providerData().path("team").asText()).isEqualTo("billing");

        InboundEvent order = TestEvents.text("9013", user, "wamid.order-" + user, "my order is 17", Instant.now());
        send(order);
        send(order); // Meta's redelivery
        send(image("9013", user, "wamid.photo-" + user));
        await().atMost(WAIT).until(() -> userMessages(key).size() == 2);
        List<HandoverEvent> messages = userMessages(key);
        assertThat(messages).extracting(HandoverEvent::sequence).containsExactly(1L, 2L);
        assertThat(messages).extracting(HandoverEvent::messageId).containsExactly("wamid.order-" + user, "wamid.photo-" + user);
        assertThat(messages.get(0).text()).isEqualTo("my order is 17");
        assertThat(messages.get(1).messageType()).isEqualTo("image");
        assertThat(messages.get(1).message().path("image").path("id").asText()).isEqualTo("media-4711");
        assertThat(messages).extracting(HandoverEvent::handoverId).containsOnly(requested.handoverId());

        send(agentReply("9013", user, "Hi, Ana here"));
        send(agentReply("9013", user, "Your order ships today"));
        await().atMost(WAIT).until(() -> texts(key).size() == 4);
        assertThat(texts(key)).containsExactly("Connecting you", "An agent has joined the conversation.", "Hi, Ana here",
                "Your order ships today");

        send(command("9013", user, "{\"action\":\"end\",\"status\":\"completed\",\"source\":\"agent\"}"));
        // Each topic is read by its own collector: wait for both.
        await().atMost(WAIT).until(() -> texts(key).size() == 6 && handoverEvents(key).size() == 4);
        assertThat(texts(key).subList(4, 6)).containsExactly("The agent has left the conversation.", "back: completed");
        JsonNode endInput = body(cognigyCalls(user).get(1));
        assertThat(endInput.has("text")).isFalse();
        assertThat(endInput.path("data").path("handover").path("status").asText()).isEqualTo("completed");
        assertThat(endInput.path("data").path("handover").path("handoverId").asText()).isEqualTo(requested.handoverId());
        assertThat(last(key)).satisfies(ended -> {
            assertThat(ended.status()).isEqualTo(HandoverStatus.ENDED);
            assertThat(ended.reason()).isEqualTo(HandoverEndReason.COMPLETED);
            assertThat(ended.source()).isEqualTo("agent");
        });
        assertThat(handoverEvents(key)).extracting(HandoverEvent::status).containsExactly(HandoverStatus.REQUESTED,
                HandoverStatus.QUEUED, HandoverStatus.ACTIVE, HandoverStatus.ENDED);

        send(TestEvents.text("9013", user, "wamid.after-" + user, "hello again", Instant.now()));
        await().atMost(WAIT).until(() -> texts(key).size() == 7);
        assertThat(texts(key).get(6)).isEqualTo("echo hello again");
        assertThat(cognigyCalls(user)).hasSize(3);
    }

    @Test
    void aCommandStartsAHandoverTheQueuePositionIsToldAndTheUsersKeywordCancelsIt() {
        String user = newUser();
        String key = "9013:" + user;
        // The user wrote first: outside the customer-service window nothing could be told.
        send(TestEvents.text("9013", user, "wamid.hello-" + user, "hello", Instant.now()));
        send(command("9013", user, "{\"action\":\"start\"}"));
        send(command("9013", user, "{\"action\":\"queued\",\"queuePosition\":2}"));
        await().atMost(WAIT).until(() -> texts(key).size() == 2);
        assertThat(texts(key)).containsExactly("echo hello", "You are number 2 in the queue.");

        send(TestEvents.text("9013", user, "wamid.cancel-" + user, "  cancel ", Instant.now()));
        await().atMost(WAIT).until(() -> texts(key).size() == 4 && ended(key));
        assertThat(texts(key).subList(2, 4)).containsExactly("The agent has left the conversation.", "back: cancelled");
        assertThat(userMessages(key)).as("the keyword is not a message for the agent").isEmpty();
        assertThat(last(key).reason()).isEqualTo(HandoverEndReason.CANCELLED);
        assertThat(last(key).source()).isEqualTo("user");
        assertThat(handoverEvents(key).get(0).source()).isEqualTo("api");
        assertThat(cognigyCalls(user)).hasSize(2);
        assertThat(body(cognigyCalls(user).get(1)).path("data").path("handover").path("source").asText()).isEqualTo("user");
    }

    @Test
    void aQuietHandoverWarnsTheUserThenTimesOutAndTheFlowContinues() {
        String user = newUser();
        String key = "9014:" + user;
        send(command("9014", user, "{\"action\":\"start\"}"));
        send(TestEvents.text("9014", user, "wamid.anyone-" + user, "anyone there?", Instant.now()));
        await().atMost(WAIT).until(() -> userMessages(key).size() == 1);

        await().atMost(WAIT).until(() -> texts(key).size() == 3 && ended(key));
        assertThat(texts(key)).containsExactly("Are you still there? This conversation will close soon without a reply.",
                "The agent has left the conversation.", "back: timeout");
        assertThat(last(key).reason()).isEqualTo(HandoverEndReason.TIMEOUT);
        assertThat(last(key).source()).isEqualTo("timeout");
    }

    @Test
    void aMirroringEndpointShowsTheFlowTheUsersMessagesButSendsNoneOfItsOutputs() {
        String user = newUser();
        String key = "9016:" + user;
        send(TestEvents.text("9016", user, "wamid.hello-" + user, "hello", Instant.now()));
        send(command("9016", user, "{\"action\":\"start\"}"));
        send(TestEvents.text("9016", user, "wamid.mirror-" + user, "still me", Instant.now()));
        send(agentReply("9016", user, "the agent answers"));

        await().atMost(WAIT).until(() -> userMessages(key).size() == 1 && texts(key).size() == 3 && cognigyCalls(user).size() == 2);
        assertThat(body(cognigyCalls(user).get(1)).path("text").asText()).isEqualTo("still me");
        assertThat(body(cognigyCalls(user).get(1)).path("data").path("handover").path("mirrored").asBoolean()).isTrue();
        assertThat(texts(key)).as("the flow's echo of the mirrored message is not sent")
                .containsExactly("echo hello", "An agent has joined the conversation.", "the agent answers");
    }

    @Test
    void aProcessorRestartMidHandoverChangesNothing() {
        String user = newUser();
        String key = "9013:" + user;
        send(command("9013", user, "{\"action\":\"start\"}"));
        send(TestEvents.text("9013", user, "wamid.before-" + user, "before the restart", Instant.now()));
        await().atMost(WAIT).until(() -> userMessages(key).size() == 1);

        processor.stop();
        processor.start();
        send(TestEvents.text("9013", user, "wamid.after-" + user, "after the restart", Instant.now()));
        send(agentReply("9013", user, "still with you"));

        await().atMost(WAIT).until(() -> userMessages(key).size() == 2 && texts(key).size() == 2);
        assertThat(userMessages(key)).extracting(HandoverEvent::sequence).containsExactly(1L, 2L);
        assertThat(userMessages(key).get(1).text()).isEqualTo("after the restart");
        assertThat(texts(key)).containsExactly("An agent has joined the conversation.", "still with you");
        assertThat(cognigyCalls(user)).as("the flow stays paused").isEmpty();
    }

    @Test
    void anUnreachableProviderIsRetriedThenTheHandoverEndsWithErrorAndTheBotTakesOver() {
        String user = newUser();
        String key = "9015:" + user;
        send(TestEvents.text("9015", user, "wamid.ask-" + user, "human please", Instant.now()));

        await().atMost(WAIT).until(() -> texts(key).size() == 3 && handoverEvents(key).size() == 2);
        assertThat(texts(key)).containsExactly("Connecting you", "No agent right now, back to the bot.", "back: error");
        var attempts = cognigy.findAll(postRequestedFor(urlPathEqualTo("/desk/unreachable/start")));
        assertThat(attempts).as("provider-attempts").hasSize(3);
        assertThat(attempts).extracting(request -> request.getHeader("Idempotency-Key")).containsOnly(
                attempts.get(0).getHeader("Idempotency-Key"));
        assertThat(handoverEvents(key)).extracting(HandoverEvent::status).containsExactly(HandoverStatus.REQUESTED, HandoverStatus.ENDED);
        assertThat(last(key).reason()).isEqualTo(HandoverEndReason.ERROR);
        assertThat(last(key).provider()).isEqualTo(HttpDeskProvider.NAME);

        send(TestEvents.text("9015", user, "wamid.next-" + user, "hello", Instant.now()));
        await().atMost(WAIT).until(() -> texts(key).size() == 4);
        assertThat(texts(key).get(3)).isEqualTo("echo hello");
    }

    private List<HandoverEvent> handoverEvents(String key) {
        return handover.withKey(key).stream().map(record -> codec.read(record, HandoverEvent.class))
                .filter(event -> event.type() == HandoverEventType.STATUS).toList();
    }

    private List<HandoverEvent> userMessages(String key) {
        return handover.withKey(key).stream().map(record -> codec.read(record, HandoverEvent.class))
                .filter(event -> event.type() == HandoverEventType.USER_MESSAGE).toList();
    }

    private boolean ended(String key) {
        return handoverEvents(key).stream().anyMatch(event -> event.status() == HandoverStatus.ENDED);
    }

    private HandoverEvent last(String key) {
        List<HandoverEvent> events = handoverEvents(key);
        return events.get(events.size() - 1);
    }

    private List<String> texts(String key) {
        return outbound(key).stream().map(ProcessorITSupport::textOf).toList();
    }

    private static InboundEvent command(String number, String user, String data) {
        return new InboundEvent(InboundEvent.SCHEMA_VERSION, UUID.randomUUID().toString(), InboundKind.HANDOVER, null, number,
                number + ":" + user, user, null, null, null, Instant.now(), null, null, json(data), null, null, null, null);
    }

    private static InboundEvent agentReply(String number, String user, String text) {
        return new InboundEvent(InboundEvent.SCHEMA_VERSION, UUID.randomUUID().toString(), InboundKind.AGENT_REPLY, null, number,
                number + ":" + user, user, null, null, null, Instant.now(), null, text, null, null, null, null, null);
    }

    /** An image message as Meta delivers it: the media by id, with caption. */
    private static InboundEvent image(String number, String user, String wamid) {
        ObjectNode message = Json.mapper().createObjectNode().put("from", user).put("id", wamid)
                .put("timestamp", Long.toString(Instant.now().getEpochSecond())).put("type", "image");
        message.putObject("image").put("id", "media-4711").put("mime_type", "image/jpeg").put("caption", "the receipt");
        return new InboundEvent(InboundEvent.SCHEMA_VERSION, EventIds.inboundMessage(number, wamid), InboundKind.MESSAGE, null,
                number, number + ":" + user, user, wamid, "image", Instant.now(), Instant.now(), null, null, null, null, message,
                null, null);
    }

    private static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
