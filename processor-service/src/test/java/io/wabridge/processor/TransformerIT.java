package io.wabridge.processor;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.wabridge.model.Json;
import io.wabridge.model.Topics;
import io.wabridge.model.event.InboundEvent;
import io.wabridge.model.event.InboundKind;
import io.wabridge.model.event.OutboundMessage;
import io.wabridge.model.event.TranscriptDirection;
import io.wabridge.model.event.TranscriptEntry;
import io.wabridge.processor.pipeline.InboundProcessor;
import io.wabridge.support.kafka.TestKafkaBroker;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Transformer functions end to end on the real broker: the {@code transformed} endpoint (errors
 * ignored, transcript on) and the {@code strict} one ({@code abort-on-error}, input and output
 * hooks only) run {@code src/test/resources/transformers/it-transformer.js}; WireMock is Cognigy
 * and the lookup service of {@code httpRequest}; outbound records are read from the topic.
 */
class TransformerIT extends ProcessorITSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String TRANSFORMED = "6006";
    private static final String STRICT = "7007";
    private static TopicCollector transcripts;

    @Autowired
    MeterRegistry meters;

    @Autowired
    InboundProcessor processor;

    @Test
    void anInputRewriteReachesTheBot() {
        String user = newUser();
        send(text(TRANSFORMED, user, "rewrite hello there"));

        await().atMost(WAIT).until(() -> texts(TRANSFORMED, user).contains("echo rewritten: hello there"));
        JsonNode call = body(cognigyCalls(user).get(0));
        assertThat(call.path("text").asText()).isEqualTo("rewritten: hello there");
        assertThat(call.path("data").path("rewritten").asBoolean()).isTrue();
        assertThat(call.path("data").path("by").asText()).isEqualTo("transformed");
        assertThat(call.path("data").path("message").path("text").path("body").asText()).as("wabridge's data kept under the script's")
                .isEqualTo("rewrite hello there");
    }

    @Test
    void fieldsReturnedUndefinedKeepWabridgesValues() {
        String user = newUser();
        send(text(TRANSFORMED, user, "keep this"));

        await().atMost(WAIT).until(() -> texts(TRANSFORMED, user).contains("echo keep this"));
        JsonNode call = body(cognigyCalls(user).get(0));
        assertThat(call.path("userId").asText()).isEqualTo(user);
        assertThat(call.path("sessionId").asText()).isNotBlank();
        assertThat(call.path("data").path("channel").asText()).isEqualTo("whatsapp");
    }

    @Test
    void aFalsyInputStopsTheMessageCountedAndInTheTranscript() {
        String user = newUser();
        double before = count("wabridge.processor.transformer.dropped", "handleInput", "falsy");
        InboundEvent dropped = text(TRANSFORMED, user, "drop this");
        send(dropped);
        send(text(TRANSFORMED, user, "after"));

        await().atMost(WAIT).until(() -> texts(TRANSFORMED, user).contains("echo after"));
        assertThat(cognigyCalls(user)).extracting(call -> body(call).path("text").asText()).containsExactly("after");
        assertThat(texts(TRANSFORMED, user)).containsExactly("echo after");
        assertThat(count("wabridge.processor.transformer.dropped", "handleInput", "falsy")).isEqualTo(before + 1);
        await().atMost(WAIT).until(() -> transcript(dropped.conversationKey()).size() == 3);
        TranscriptEntry said = transcript(dropped.conversationKey()).get(0);
        assertThat(said.direction()).isEqualTo(TranscriptDirection.USER);
        assertThat(said.inboundEventId()).isEqualTo(dropped.eventId());
        assertThat(said.text()).isEqualTo("drop this");
        assertThat(said.data().path("_transformer").path("dropped").asBoolean()).isTrue();
        assertThat(said.data().path("_transformer").path("reason").asText()).isEqualTo("falsy");
    }

    @Test
    void anOutputTransformReachesTheOutboundRecord() {
        String user = newUser();
        send(text(TRANSFORMED, user, "make it upper"));

        await().atMost(WAIT).until(() -> !outbound(TRANSFORMED + ":" + user).isEmpty());
        assertThat(texts(TRANSFORMED, user)).containsExactly("ECHO MAKE IT UPPER for " + user + " in a session");
    }

    @Test
    void aFalsyOutputDropsOnlyThatOutputAndTheOthersKeepTheirOrder() {
        String user = newUser();
        cognigy.stubFor(post(urlPathEqualTo("/cognigy/transformed")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.userId", equalTo(user)))
                .willReturn(okJson("{\"outputStack\":[{\"text\":\"one\"},{\"text\":\"drop\"},{\"text\":\"three\"},{\"text\":\"four\"}]}")));
        send(text(TRANSFORMED, user, "several"));

        await().atMost(WAIT).until(() -> outbound(TRANSFORMED + ":" + user).size() == 3);
        List<OutboundMessage> out = outbound(TRANSFORMED + ":" + user);
        assertThat(out).extracting(ProcessorITSupport::textOf).containsExactly("one", "three", "four");
        assertThat(out).extracting(OutboundMessage::index).containsExactly(0, 1, 2);
    }

    @Test
    void aReplacementWithoutATypeIsAnErrorAndTheProcessedOutputGoes() {
        String user = newUser();
        send(text(TRANSFORMED, user, "no-type please"));

        await().atMost(WAIT).until(() -> !outbound(TRANSFORMED + ":" + user).isEmpty());
        assertThat(texts(TRANSFORMED, user)).containsExactly("echo no-type please");
    }

    @Test
    void injectAndNotifyAreTransformedAndAFalsyNotifySendsNothing() {
        String user = newUser();
        String key = TRANSFORMED + ":" + user;
        // The user's message opens the customer-service window the notifies need.
        send(TestEvents.text(TRANSFORMED, user, "wamid.opens-" + user, "opening", TestEvents.T0.minusSeconds(60)));
        send(notify(user, "notify-drop-" + user, "drop"));
        send(notify(user, "notify-" + user, "Your parcel has arrived"));
        send(new InboundEvent(1, "inject-" + user, InboundKind.INJECT, "transformed", TRANSFORMED, key, user, null, null, null,
                TestEvents.T0, null, "hello", Json.mapper().createObjectNode().put("source", "crm"), "crm-session", null, null, null));

        await().atMost(WAIT).until(() -> texts(TRANSFORMED, user).size() == 3);
        assertThat(texts(TRANSFORMED, user).subList(1, 3)).containsExactly("Notice: Your parcel has arrived",
                "echo injected by crm: hello");
        JsonNode call = body(cognigyCalls(user).get(1));
        assertThat(call.path("sessionId").asText()).isEqualTo("crm-session");
        assertThat(call.path("data").path("source").asText()).isEqualTo("crm");
    }

    @Test
    void invalidReturnValuesAreErrorsAndWithoutAbortTheMessageGoesOnUntransformed() {
        String user = newUser();
        double before = count("wabridge.processor.transformer.errors", "handleInput", "invalid-result");
        send(text(TRANSFORMED, user, "long-id"));
        send(text(TRANSFORMED, user, "bad-data"));

        await().atMost(WAIT).until(() -> texts(TRANSFORMED, user).size() == 2);
        assertThat(cognigyCalls(user)).extracting(call -> body(call).path("text").asText()).containsExactly("long-id", "bad-data");
        assertThat(cognigyCalls(user)).allSatisfy(call -> {
            assertThat(body(call).path("userId").asText()).isEqualTo(user);
            assertThat(body(call).path("data").path("channel").asText()).isEqualTo("whatsapp");
        });
        assertThat(count("wabridge.processor.transformer.errors", "handleInput", "invalid-result")).isEqualTo(before + 2);
    }

    @Test
    void withAbortOnErrorAnInvalidReturnOrAThrowStopsTheMessage() {
        String user = newUser();
        double before = count("wabridge.processor.transformer.dropped", "handleInput", "script-error");
        send(text(STRICT, user, "long-id"));
        send(text(STRICT, user, "throw"));
        send(text(STRICT, user, "after"));

        await().atMost(WAIT).until(() -> texts(STRICT, user).contains("echo after"));
        assertThat(cognigyCalls(user)).extracting(call -> body(call).path("text").asText()).containsExactly("after");
        assertThat(texts(STRICT, user)).containsExactly("echo after");
        assertThat(count("wabridge.processor.transformer.dropped", "handleInput", "script-error")).isEqualTo(before + 1);
    }

    @Test
    void withoutAbortOnErrorAThrowLetsTheMessageGoOnUntransformed() {
        String user = newUser();
        send(text(TRANSFORMED, user, "throw"));

        await().atMost(WAIT).until(() -> texts(TRANSFORMED, user).contains("echo throw"));
    }

    @Test
    void anInfiniteLoopIsCutAtTheLimitAndTheSameUsersNextMessageIsHandledRightAfter() {
        String user = newUser();
        String other = newUser();
        send(text(TRANSFORMED, user, "loop"));
        send(text(TRANSFORMED, user, "next"));
        send(text(TRANSFORMED, other, "meanwhile"));

        await().atMost(WAIT).until(() -> texts(TRANSFORMED, user).size() == 2);
        assertThat(texts(TRANSFORMED, user)).containsExactly("echo loop", "echo next");
        List<LoggedRequest> calls = cognigyCalls(user);
        long gap = calls.get(1).getLoggedDate().getTime() - calls.get(0).getLoggedDate().getTime();
        assertThat(gap).as("the next message does not wait for anything but its own turn").isLessThan(5_000);
        assertThat(texts(TRANSFORMED, other)).containsExactly("echo meanwhile");
        assertThat(count("wabridge.processor.transformer.errors", "handleInput", "timeout")).isPositive();
    }

    @Test
    void sessionStorageWrittenInOneTurnIsReadInTheNextAfterARestart() {
        String user = newUser();
        send(text(TRANSFORMED, user, "count"));
        await().atMost(WAIT).until(() -> texts(TRANSFORMED, user).contains("echo count 1"));

        processor.stop();
        processor.start();
        send(text(TRANSFORMED, user, "count"));

        await().atMost(WAIT).until(() -> texts(TRANSFORMED, user).size() == 2);
        assertThat(texts(TRANSFORMED, user)).containsExactly("echo count 1", "echo count 2");
    }

    @Test
    void httpRequestCallsOutOnceAndASecondRequestIsRefused() {
        String user = newUser();
        String path = "/lookup/" + user;
        cognigy.stubFor(any(urlPathEqualTo(path)).willReturn(okJson("{\"answer\":\"gold customer\"}")));
        send(text(TRANSFORMED, user, "http " + cognigy.baseUrl() + path));
        send(text(TRANSFORMED, user, "http-twice " + cognigy.baseUrl() + path));

        await().atMost(WAIT).until(() -> texts(TRANSFORMED, user).size() == 2);
        assertThat(texts(TRANSFORMED, user)).containsExactly("echo looked up gold customer",
                "echo second refused: httpRequest: only one HTTP request per execution");
        List<LoggedRequest> lookups = cognigy.findAll(anyRequestedFor(urlPathEqualTo(path)));
        assertThat(lookups).hasSize(2);
        assertThat(body(lookups.get(0)).path("user").asText()).isEqualTo(user);
    }

    @Test
    void aJavaTransformerFromTheClasspathRewritesInputAndOutput() {
        String user = newUser();
        send(text("8008", user, "hi"));
        send(text("8008", user, "again"));

        await().atMost(WAIT).until(() -> texts("8008", user).size() == 2);
        assertThat(cognigyCalls(user)).extracting(call -> body(call).path("text").asText()).containsExactly("hello hi #1", "hello again #2");
        assertThat(texts("8008", user)).containsExactly("java says echo hello hi #1", "java says echo hello again #2");
    }

    private double count(String name, String hook, String reason) {
        Counter counter = meters.find(name).tags("endpoint", name.endsWith("dropped") && reason.equals("script-error") ? "strict"
                : "transformed", "hook", hook, "reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    private List<String> texts(String number, String user) {
        return outbound(number + ":" + user).stream().map(ProcessorITSupport::textOf).toList();
    }

    private List<TranscriptEntry> transcript(String key) {
        synchronized (TransformerIT.class) {
            if (transcripts == null) {
                transcripts = new TopicCollector(TestKafkaBroker.bootstrapServers(), Topics.TRANSCRIPTS);
            }
        }
        return transcripts.withKey(key).stream().map(record -> codec.read(record, TranscriptEntry.class)).toList();
    }

    private static InboundEvent text(String number, String user, String body) {
        return TestEvents.text(number, user, "wamid." + UUID.randomUUID(), body, Instant.now());
    }

    private static InboundEvent notify(String user, String eventId, String text) {
        return new InboundEvent(1, eventId, InboundKind.NOTIFY, "transformed", TRANSFORMED, TRANSFORMED + ":" + user, user, null, null,
                null, TestEvents.T0, null, text, null, null, null, null, null);
    }
}
