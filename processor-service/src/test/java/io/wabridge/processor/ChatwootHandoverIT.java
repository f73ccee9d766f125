package io.wabridge.processor;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.wabridge.model.EventIds;
import io.wabridge.model.Json;
import io.wabridge.model.event.InboundEvent;
import io.wabridge.model.event.InboundKind;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code chatwoot} provider through the real broker, with WireMock playing Chatwoot (the
 * request and response shapes of its API documentation): a flow output starts a handover, Chatwoot
 * gets the contact, the conversation and the user's messages as {@code incoming}, in order; an
 * agent's reply (the {@code agent_reply} event ingress's Chatwoot webhook writes, see
 * {@code ChatwootWebhookIT}) reaches the user; the resolution ends it and the flow gets the end
 * input. The user's cancel keyword resolves the Chatwoot conversation; a Chatwoot that is down
 * ends the handover with {@code error}.
 */
class ChatwootHandoverIT extends ProcessorITSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String API = "/chatwoot/api/v1/accounts/7";

    @BeforeAll
    static void flowAndChatwoot() {
        for (String endpoint : List.of("chatwoot", "chatwoot-down")) {
            cognigy.stubFor(post(urlPathEqualTo("/cognigy/" + endpoint)).atPriority(4)
                    .withRequestBody(matchingJsonPath("$.text", equalTo("human please")))
                    .willReturn(okJson("{\"outputStack\":[{\"text\":\"Connecting you\",\"data\":{\"handover\":"
                            + "{\"action\":\"start\"}},\"source\":\"bot\"}]}")));
            cognigy.stubFor(post(urlPathEqualTo("/cognigy/" + endpoint)).atPriority(4)
                    .withRequestBody(matchingJsonPath("$.data.handover.status"))
                    .willReturn(okJson("{\"outputStack\":[{\"text\":\"back: {{jsonPath request.body '$.data.handover.status'}}"
                            + " from {{jsonPath request.body '$.data.handover.provider'}}\",\"source\":\"bot\"}]}")
                            .withTransformers("response-template")));
        }
        // Chatwoot: each user is a new contact 42+ with conversation 1000+ (the user id's digits keep them apart).
        cognigy.stubFor(get(urlPathEqualTo(API + "/contacts/search"))
                .willReturn(okJson("{\"meta\":{\"count\":0,\"current_page\":1},\"payload\":[]}")));
        cognigy.stubFor(post(urlPathEqualTo(API + "/contacts")).willReturn(okJson("""
                {"payload":{"contact":{"id":{{jsonPath request.body '$.additional_attributes.whatsapp_user_id'}},
                 "identifier":"{{jsonPath request.body '$.identifier'}}","contact_inboxes":[]},
                 "contact_inbox":{"inbox":{"id":3},"source_id":"src-{{jsonPath request.body '$.additional_attributes.whatsapp_user_id'}}"}}}""")
                .withTransformers("response-template")));
        cognigy.stubFor(get(urlPathMatching(API + "/contacts/\\d+/conversations")).willReturn(okJson("{\"payload\":[]}")));
        cognigy.stubFor(post(urlPathEqualTo(API + "/conversations")).willReturn(okJson(
                "{\"id\":{{jsonPath request.body '$.contact_id'}},\"account_id\":7,\"inbox_id\":3}").withTransformers("response-template")));
        cognigy.stubFor(post(urlPathMatching(API + "/conversations/\\d+/messages")).willReturn(okJson(
                "{\"id\":1,\"message_type\":0,\"private\":false}")));
        cognigy.stubFor(post(urlPathMatching(API + "/conversations/\\d+/toggle_status")).willReturn(okJson(
                "{\"meta\":{},\"payload\":{\"success\":true,\"current_status\":\"resolved\"}}")));
        cognigy.stubFor(post(urlPathMatching("/chatwoot-down/.*")).willReturn(aResponse().withStatus(503)));
        cognigy.stubFor(get(urlPathMatching("/chatwoot-down/.*")).willReturn(aResponse().withStatus(503)));
    }

    @Test
    void aFlowOutputStartsAChatwootHandoverTheAgentAnswersAndTheResolutionGivesTheFlowTheConversationBack() throws Exception {
        String user = newUser();
        String key = "9017:" + user;
        send(TestEvents.text("9017", user, "wamid.ask-" + user, "human please", Instant.now()));
        await().atMost(WAIT).until(() -> of(user, "/conversations").size() == 1 && texts(key).size() == 1);
        assertThat(texts(key)).containsExactly("Connecting you");
        assertThat(Json.mapper().readTree(of(user, "/contacts").get(0).getBodyAsString()).path("identifier").asText())
                .isEqualTo("wabridge:" + key);
        JsonNode conversation = Json.mapper().readTree(of(user, "/conversations").get(0).getBodyAsString());
        assertThat(conversation.path("source_id").asText()).isEqualTo("src-" + user);
        assertThat(conversation.path("inbox_id").asLong()).isEqualTo(3);
        assertThat(conversation.path("custom_attributes").path("wabridge_endpoint_id").asText()).isEqualTo("chatwoot");
        assertThat(conversation.path("custom_attributes").path("wabridge_user_id").asText()).isEqualTo(user);

        InboundEvent order = TestEvents.text("9017", user, "wamid.order-" + user, "my order is 17", Instant.now());
        send(order);
        send(order); // Meta's redelivery
        send(TestEvents.text("9017", user, "wamid.more-" + user, "it is late", Instant.now()));
        await().atMost(WAIT).until(() -> chatwoot("/conversations/" + user + "/messages").size() == 2);
        assertThat(chatwoot("/conversations/" + user + "/messages")).extracting(LoggedRequest::getBodyAsString).containsExactly(
                "{\"content\":\"my order is 17\",\"message_type\":\"incoming\",\"private\":false}",
                "{\"content\":\"it is late\",\"message_type\":\"incoming\",\"private\":false}");
        assertThat(cognigyCalls(user)).as("the flow does not see the user's messages").hasSize(1);

        send(webhookEvent(InboundKind.AGENT_REPLY, user, "Hi, Ana here", null, "chatwoot-message-501"));
        await().atMost(WAIT).until(() -> texts(key).size() == 3);
        assertThat(texts(key)).containsExactly("Connecting you", "An agent has joined the conversation.", "Hi, Ana here");

        ObjectNode end = Json.mapper().createObjectNode().put("action", "end").put("status", "completed").put("source", "agent");
        send(webhookEvent(InboundKind.HANDOVER, user, null, end, "chatwoot-resolved-" + user));
        await().atMost(WAIT).until(() -> texts(key).size() == 5);
        assertThat(texts(key).subList(3, 5)).containsExactly("The agent has left the conversation.", "back: completed from chatwoot");
        assertThat(chatwoot("/conversations/" + user + "/toggle_status")).as("Chatwoot resolved it itself").isEmpty();
    }

    @Test
    void theUsersCancelKeywordResolvesTheChatwootConversationAndItsLateWebhookEndsNoNewerHandover() throws Exception {
        String user = newUser();
        String key = "9017:" + user;
        send(TestEvents.text("9017", user, "wamid.ask-" + user, "human please", Instant.now()));
        await().atMost(WAIT).until(() -> of(user, "/conversations").size() == 1);
        send(TestEvents.text("9017", user, "wamid.cancel-" + user, "Cancel", Instant.now()));

        await().atMost(WAIT).until(() -> chatwoot("/conversations/" + user + "/toggle_status").size() == 1 && texts(key).size() == 3);
        assertThat(chatwoot("/conversations/" + user + "/toggle_status").get(0).getBodyAsString())
                .isEqualTo("{\"status\":\"resolved\"}");
        assertThat(texts(key)).containsExactly("Connecting you", "The agent has left the conversation.", "back: cancelled from chatwoot");
        assertThat(chatwoot("/conversations/" + user + "/messages")).as("the keyword is not forwarded").isEmpty();

        // Chatwoot's webhook of that resolution arrives late, after the user asked again: the new handover stays open.
        String first = Json.mapper().readTree(of(user, "/conversations").get(0).getBodyAsString())
                .path("custom_attributes").path("wabridge_handover_id").asText();
        send(TestEvents.text("9017", user, "wamid.again-" + user, "human please", Instant.now()));
        await().atMost(WAIT).until(() -> of(user, "/conversations").size() == 2 && texts(key).size() == 4);
        ObjectNode late = Json.mapper().createObjectNode().put("action", "end").put("status", "completed").put("source", "agent")
                .put("handoverId", first);
        send(webhookEvent(InboundKind.HANDOVER, user, null, late, "chatwoot-resolved-" + user + "-" + first));
        send(webhookEvent(InboundKind.AGENT_REPLY, user, "still here", null, "chatwoot-message-" + user));
        await().atMost(WAIT).until(() -> texts(key).size() == 6);
        assertThat(texts(key).subList(3, 6)).containsExactly("Connecting you", "An agent has joined the conversation.", "still here");
    }

    @Test
    void aChatwootThatIsDownEndsTheHandoverWithErrorAndTheBotTakesOver() {
        String user = newUser();
        String key = "9018:" + user;
        send(TestEvents.text("9018", user, "wamid.ask-" + user, "human please", Instant.now()));

        await().atMost(WAIT).until(() -> texts(key).size() == 3);
        assertThat(texts(key)).containsExactly("Connecting you", "Sorry, we could not reach an agent. You are back with our assistant.",
                "back: error from chatwoot");
        assertThat(cognigy.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlPathEqualTo("/chatwoot-down/api/v1/accounts/7/contacts/search")))).hasSizeGreaterThanOrEqualTo(2);
    }

    /** The inbound event ingress's Chatwoot webhook endpoint writes (the same id for Chatwoot's repeats). */
    private static InboundEvent webhookEvent(InboundKind kind, String user, String text, JsonNode data, String idempotencyKey) {
        String key = "9017:" + user;
        return new InboundEvent(InboundEvent.SCHEMA_VERSION, EventIds.apiRequest(kind.name(), key, idempotencyKey), kind, "chatwoot",
                "9017", key, user, null, null, null, Instant.now(), null, text, data, null, null, null, null);
    }

    /** Chatwoot API calls to this path (under the account), in the order they came. */
    private static List<LoggedRequest> chatwoot(String path) {
        return cognigy.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlPathEqualTo(API + path))).stream()
                .sorted(Comparator.comparing(LoggedRequest::getLoggedDate)).toList();
    }

    /** The calls to this path whose body names the user (contacts and conversations of several tests share the paths). */
    private static List<LoggedRequest> of(String user, String path) {
        return chatwoot(path).stream().filter(request -> request.getBodyAsString().contains("\"" + user + "\"")
                || request.getBodyAsString().contains(":" + user + "\"")).toList();
    }

    private List<String> texts(String key) {
        return outbound(key).stream().map(ProcessorITSupport::textOf).toList();
    }
}
