package io.wabridge.processor.handover.chatwoot;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wabridge.model.Json;
import io.wabridge.model.event.HandoverEndReason;
import io.wabridge.model.event.HandoverStatus;
import io.wabridge.model.settings.HandoverSettings;
import io.wabridge.model.settings.Secret;
import io.wabridge.model.state.HandoverState;
import io.wabridge.processor.handover.HandoverContext;
import io.wabridge.processor.handover.HandoverProviders;
import io.wabridge.processor.handover.HandoverTurn;
import io.wabridge.processor.handover.Handovers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code chatwoot} provider against a WireMock Chatwoot answering with the shapes of Chatwoot's
 * API documentation (its {@code swagger/} request and response schemas), through the lifecycle
 * ({@link HandoverTurn}) as the turns use it: contact, conversation, incoming messages, resolution,
 * and Chatwoot refusing (401) or failing (5xx): retried, then the handover ends with {@code error}.
 */
class ChatwootHandoverProviderTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final String API = "/api/v1/accounts/7";
    private static final WireMockServer chatwoot = new WireMockServer(WireMockConfiguration.options().dynamicPort());

    private final List<Duration> sleeps = new ArrayList<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Handovers handovers = new Handovers(new HandoverProviders(List.of(new ChatwootHandoverProvider())), meters,
            Clock.fixed(T0, ZoneOffset.UTC), sleeps::add);
    private HandoverSettings settings;

    @BeforeAll
    static void startChatwoot() {
        chatwoot.start();
    }

    @AfterAll
    static void stopChatwoot() {
        chatwoot.stop();
    }

    @BeforeEach
    void reset() {
        chatwoot.resetAll();
        settings = new HandoverSettings("chatwoot", "stop", null, null, null, 3, Duration.ofMillis(50), null,
                new HandoverSettings.Chatwoot(chatwoot.baseUrl() + "/", new Secret("cw-token"), 7L, 3L, null, new Secret("t"),
                        Duration.ofSeconds(2)));
    }

    @Test
    void startCreatesTheContactAndConversationThenMessagesArePostedAsIncomingAndAnEndResolves() {
        stubNoContact();
        chatwoot.stubFor(post(API + "/contacts").willReturn(okJson("""
                {"payload":{"contact":{"id":42,"name":"Ana","identifier":"wabridge:9013:4917","contact_inboxes":[]},
                 "contact_inbox":{"inbox":{"id":3,"name":"WhatsApp desk"},"source_id":"src-42"}}}""")));
        chatwoot.stubFor(get(API + "/contacts/42/conversations").willReturn(okJson("{\"payload\":[]}")));
        chatwoot.stubFor(post(API + "/conversations").willReturn(okJson("{\"id\":1234,\"account_id\":7,\"inbox_id\":3}")));
        chatwoot.stubFor(post(API + "/conversations/1234/messages").willReturn(okJson(
                "{\"id\":9,\"content\":\"x\",\"message_type\":0,\"private\":false,\"conversation_id\":1234}")));
        chatwoot.stubFor(post(API + "/conversations/1234/toggle_status").willReturn(okJson(
                "{\"meta\":{},\"payload\":{\"success\":true,\"conversation_id\":1234,\"current_status\":\"resolved\"}}")));

        HandoverTurn start = handovers.turn(context("in-1"), settings, null);
        start.start(null, "bot", null);

        assertThat(start.state().status()).isEqualTo(HandoverStatus.QUEUED);
        assertThat(start.state().providerRef()).isEqualTo("1234");
        chatwoot.verify(getRequestedFor(urlPathEqualTo(API + "/contacts/search")).withQueryParam("q", equalTo("wabridge:9013:4917"))
                .withHeader("api_access_token", equalTo("cw-token")));
        chatwoot.verify(postRequestedFor(urlPathEqualTo(API + "/contacts")).withRequestBody(equalToJson("""
                {"inbox_id":3,"name":"Ana","identifier":"wabridge:9013:4917",
                 "additional_attributes":{"whatsapp_user_id":"4917","wabridge_endpoint_id":"demo"}}""")));
        chatwoot.verify(postRequestedFor(urlPathEqualTo(API + "/conversations")).withRequestBody(equalToJson("""
                {"source_id":"src-42","inbox_id":3,"contact_id":42,
                 "custom_attributes":{"wabridge_endpoint_id":"demo","wabridge_user_id":"4917","wabridge_handover_id":"%s"}}"""
                .formatted(start.state().id()))));

        HandoverTurn text = handovers.turn(context("in-2"), settings, start.state());
        text.forward("wamid.1", "text", "my order is 17", null, null);
        HandoverTurn photo = handovers.turn(context("in-3"), settings, text.state());
        photo.forward("wamid.2", "image", "the box", tree("{\"media\":{\"id\":\"m-1\",\"url\":\"https://lookaside.example/m-1\"}}"),
                null);
        HandoverTurn cancel = handovers.turn(context("in-4"), settings, photo.state());
        cancel.end(HandoverEndReason.CANCELLED, "user", true);

        List<String> bodies = chatwoot.findAll(postRequestedFor(urlPathEqualTo(API + "/conversations/1234/messages"))).stream()
                .map(request -> request.getBodyAsString()).toList();
        assertThat(bodies).containsExactly(
                "{\"content\":\"my order is 17\",\"message_type\":\"incoming\",\"private\":false}",
                "{\"content\":\"the box\\n[image] https://lookaside.example/m-1\",\"message_type\":\"incoming\",\"private\":false}");
        chatwoot.verify(postRequestedFor(urlPathEqualTo(API + "/conversations/1234/toggle_status"))
                .withRequestBody(equalToJson("{\"status\":\"resolved\"}")));
        assertThat(cancel.state().reason()).isEqualTo(HandoverEndReason.CANCELLED);
    }

    @Test
    void aKnownContactAndAConversationOfAnEarlierAttemptAreReusedNotCreatedTwice() {
        HandoverState requested = HandoverState.requested(io.wabridge.model.EventIds.handover("in-1"), "demo", "4917", "chatwoot", "bot",
                T0, tree("{\"inboxId\":5}"));
        chatwoot.stubFor(get(urlPathEqualTo(API + "/contacts/search")).willReturn(okJson("""
                {"meta":{"count":1,"current_page":1},"payload":[{"id":42,"identifier":"wabridge:9013:4917",
                 "contact_inboxes":[{"source_id":"src-42-5","inbox":{"id":5,"channel_type":"Channel::Api"}}]}]}""")));
        chatwoot.stubFor(get(API + "/contacts/42/conversations").willReturn(okJson(
                "{\"payload\":[{\"id\":77,\"inbox_id\":5,\"custom_attributes\":{\"wabridge_handover_id\":\"" + requested.id() + "\"}}]}")));

        HandoverTurn start = handovers.turn(context("in-1"), settings, null);
        start.start(null, "bot", tree("{\"inboxId\":5}"));

        assertThat(start.state().providerRef()).isEqualTo("77");
        chatwoot.verify(0, postRequestedFor(urlPathEqualTo(API + "/contacts")));
        chatwoot.verify(0, postRequestedFor(urlPathEqualTo(API + "/conversations")));
    }

    @Test
    void aRefusingChatwootIsRetriedThenTheHandoverEndsWithError() {
        chatwoot.stubFor(get(urlPathEqualTo(API + "/contacts/search")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":\"You need to sign in or sign up before continuing.\"}")));

        HandoverTurn start = handovers.turn(context("in-1"), settings, null);
        start.start(null, "bot", null);

        assertThat(start.endedNow()).contains(HandoverEndReason.ERROR);
        assertThat(start.texts()).containsExactly(settings.texts().error());
        chatwoot.verify(3, getRequestedFor(urlPathEqualTo(API + "/contacts/search")));
        assertThat(sleeps).containsExactly(Duration.ofMillis(50), Duration.ofMillis(100));
        assertThat(meters.counter("wabridge.processor.handover.provider.failures", "endpoint", "demo", "provider", "chatwoot",
                "operation", "start").count()).isEqualTo(3);
    }

    @Test
    void aFailingMessagePostIsRetriedThenTheHandoverEndsWithErrorAndAFlakyOneIsNot() {
        HandoverState queued = HandoverState.requested("h-1", "demo", "4917", "chatwoot", "bot", T0, null).queued(null)
                .withProviderRef("1234");
        chatwoot.stubFor(post(API + "/conversations/1234/messages").inScenario("flaky").whenScenarioStateIs("Started")
                .willReturn(aResponse().withStatus(502)).willSetStateTo("up"));
        chatwoot.stubFor(post(API + "/conversations/1234/messages").inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(okJson("{\"id\":9,\"message_type\":0}")));

        HandoverTurn flaky = handovers.turn(context("in-2"), settings, queued);
        flaky.forward("wamid.1", "text", "hello", null, null);
        assertThat(flaky.endedNow()).isEmpty();
        assertThat(flaky.state().forwarded()).isEqualTo(1);

        chatwoot.resetAll();
        chatwoot.stubFor(post(API + "/conversations/1234/messages").willReturn(aResponse().withStatus(500)));
        HandoverTurn down = handovers.turn(context("in-3"), settings, flaky.state());
        down.forward("wamid.2", "text", "anyone?", null, null);

        assertThat(down.endedNow()).contains(HandoverEndReason.ERROR);
        chatwoot.verify(3, postRequestedFor(urlPathEqualTo(API + "/conversations/1234/messages")));
    }

    private static void stubNoContact() {
        chatwoot.stubFor(get(urlPathEqualTo(API + "/contacts/search"))
                .willReturn(okJson("{\"meta\":{\"count\":0,\"current_page\":1},\"payload\":[]}")));
    }

    private static com.fasterxml.jackson.databind.JsonNode tree(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static HandoverContext context(String inboundEventId) {
        return new HandoverContext("demo", "9013", "9013:4917", "4917", "Ana", "session-1", inboundEventId, T0);
    }
}
