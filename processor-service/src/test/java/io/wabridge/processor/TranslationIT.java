package io.wabridge.processor;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.wabridge.model.event.InboundEvent;
import io.wabridge.processor.pipeline.InboundProcessor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Real-time translation end to end on the real broker: a German user, an English flow. WireMock
 * is Cognigy and DeepL ({@code /deepl/v2/translate}, its real request and response shapes); the
 * {@code untranslatable} endpoint's provider answers 503 only.
 */
class TranslationIT extends ProcessorITSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String TRANSLATED = "9011";
    private static final String DOWN = "9012";
    private static final String QUICK_REPLIES = """
            {"outputStack":[{"text":"Please choose a time **ACME**","data":{"_cognigy":{"_default":{"_quickReplies":{
              "type":"quickReplies","quickReplies":[
                {"contentType":"postback","payload":"slot-1","title":"Tomorrow"},
                {"contentType":"postback","title":"Speak with an agent"}]}}}}}]}""";

    @Autowired
    MeterRegistry meters;

    @Autowired
    InboundProcessor processor;

    @Test
    void aGermanUserTalksToAnEnglishFlowWithOneProviderCallPerTurnAndTheLanguageFixedAfterTwoInputs() {
        String user = newUser();
        cognigy.stubFor(post(urlPathEqualTo("/cognigy/translated")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.userId", equalTo(user))).willReturn(okJson(QUICK_REPLIES)));
        // Detection (no source_lang) of the user's first two inputs, then a translation from German.
        cognigy.stubFor(post("/deepl/v2/translate").atPriority(1)
                .withRequestBody(equalToJson("{\"text\":[\"Ich möchte einen Termin " + user + "\"],\"target_lang\":\"EN\"}"))
                .willReturn(okJson("{\"translations\":[{\"detected_source_language\":\"DE\",\"text\":\"I would like an appointment\"}]}")));
        cognigy.stubFor(post("/deepl/v2/translate").atPriority(1)
                .withRequestBody(equalToJson("{\"text\":[\"Noch einmal " + user + "\"],\"target_lang\":\"EN\"}"))
                .willReturn(okJson("{\"translations\":[{\"detected_source_language\":\"DE\",\"text\":\"Once more\"}]}")));
        cognigy.stubFor(post("/deepl/v2/translate").atPriority(1)
                .withRequestBody(equalToJson("{\"text\":[\"Danke " + user + "\"],\"target_lang\":\"EN\",\"source_lang\":\"DE\"}"))
                .willReturn(okJson("{\"translations\":[{\"text\":\"Thanks\"}]}")));
        // The flow's outputs into German: every text of the turn in one request.
        cognigy.stubFor(post("/deepl/v2/translate").atPriority(2).withRequestBody(matchingJsonPath("$.target_lang", equalTo("DE")))
                .willReturn(okJson("""
                        {"translations":[{"text":"Bitte wählen Sie eine Zeit"},{"text":"Morgen"},
                          {"text":"Mit einem Mitarbeiter sprechen"},{"text":"Optionen"},{"text":"Bitte wählen"}]}""")));
        double clipped = meters.counter("wabridge.processor.output.adjusted", "reason", "button-title-clipped").count();
        double hits = meters.counter("wabridge.processor.translation.cache", "result", "hit").count();

        send(text(TRANSLATED, user, "Ich möchte einen Termin " + user));
        await().atMost(WAIT).until(() -> outbound(TRANSLATED + ":" + user).size() == 1);

        JsonNode call = body(cognigyCalls(user).get(0));
        assertThat(call.path("text").asText()).isEqualTo("I would like an appointment");
        JsonNode translation = call.path("data").path("translation");
        assertThat(translation.path("original").asText()).isEqualTo("Ich möchte einen Termin " + user);
        assertThat(translation.path("userLanguage").asText()).isEqualTo("de");
        assertThat(translation.path("flowLanguage").asText()).isEqualTo("en");
        assertThat(translation.path("translated").asBoolean()).isTrue();

        JsonNode interactive = outbound(TRANSLATED + ":" + user).get(0).message().path("interactive");
        assertThat(interactive.path("body").path("text").asText()).as("the marked name kept, the markers gone")
                .isEqualTo("Bitte wählen Sie eine Zeit ACME");
        JsonNode buttons = interactive.path("action").path("buttons");
        assertThat(buttons.path(0).path("reply").path("id").asText()).isEqualTo("slot-1");
        assertThat(buttons.path(0).path("reply").path("title").asText()).isEqualTo("Morgen");
        assertThat(buttons.path(1).path("reply").path("id").asText()).as("the original title stays the id")
                .isEqualTo("Speak with an agent");
        String title = buttons.path(1).path("reply").path("title").asText();
        assertThat(title).as("within 20 chars, no word broken").isEqualTo("Mit einem…");
        assertThat(meters.counter("wabridge.processor.output.adjusted", "reason", "button-title-clipped").count())
                .as("the limit applied after translation, counted").isEqualTo(clipped + 1);
        cognigy.verify(1, postRequestedFor(urlEqualTo("/deepl/v2/translate"))
                .withHeader("Authorization", equalTo("DeepL-Auth-Key it-deepl-key"))
                .withRequestBody(equalToJson("""
                        {"text":["Please choose a time","Tomorrow","Speak with an agent","Options","Please choose an option"],
                         "source_lang":"EN","target_lang":"DE"}""")));

        // Second turn: the bot's phrases come from the cache; still detecting (detect-on-first=2).
        send(text(TRANSLATED, user, "Noch einmal " + user));
        await().atMost(WAIT).until(() -> outbound(TRANSLATED + ":" + user).size() == 2);
        cognigy.verify(1, postRequestedFor(urlEqualTo("/deepl/v2/translate")).withRequestBody(matchingJsonPath("$.target_lang", equalTo("DE")))
                .withRequestBody(containing("Please choose a time")));
        assertThat(meters.counter("wabridge.processor.translation.cache", "result", "hit").count()).isGreaterThanOrEqualTo(hits + 5);
        assertThat(outbound(TRANSLATED + ":" + user).get(1).message().path("interactive").path("body").path("text").asText())
                .isEqualTo("Bitte wählen Sie eine Zeit ACME");

        // Third input: the language is fixed (German, given as source_lang); a button tap's id is never translated.
        send(text(TRANSLATED, user, "Danke " + user));
        await().atMost(WAIT).until(() -> outbound(TRANSLATED + ":" + user).size() == 3);
        assertThat(body(cognigyCalls(user).get(2)).path("text").asText()).isEqualTo("Thanks");
        send(TestEvents.buttonReply(TRANSLATED, user, "wamid." + UUID.randomUUID(), "slot-1", "Morgen", Instant.now()));
        await().atMost(WAIT).until(() -> outbound(TRANSLATED + ":" + user).size() == 4);
        JsonNode tap = body(cognigyCalls(user).get(3));
        assertThat(tap.path("text").asText()).isEqualTo("slot-1");
        assertThat(tap.path("data").path("translation").path("userLanguage").asText()).isEqualTo("de");
        assertThat(cognigy.findAll(postRequestedFor(urlEqualTo("/deepl/v2/translate"))
                .withRequestBody(containing("slot-1")))).as("payload ids never sent to the provider").isEmpty();
    }

    @Test
    void aProviderOutageLetsTheTextsGoOnUntranslatedInOrderWithinTheTimeout() {
        String user = newUser();
        cognigy.stubFor(post(urlPathEqualTo("/deepl-down/v2/translate")).willReturn(aResponse().withStatus(503)));
        double failed = meters.counter("wabridge.processor.translation.failed", "endpoint", "untranslatable", "reason", "unavailable")
                .count() + meters.counter("wabridge.processor.translation.failed", "endpoint", "untranslatable", "reason", "circuit-open")
                .count();
        long start = System.nanoTime();

        send(text(DOWN, user, "Erste **Nachricht**"));
        send(text(DOWN, user, "Zweite"));
        await().atMost(WAIT).until(() -> outbound(DOWN + ":" + user).size() == 2);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(cognigyCalls(user)).extracting(call -> body(call).path("text").asText()).containsExactly("Erste **Nachricht**", "Zweite");
        assertThat(outbound(DOWN + ":" + user)).extracting(ProcessorITSupport::textOf)
                .as("untranslated, in order, the markers removed").containsExactly("echo Erste Nachricht", "echo Zweite");
        assertThat(body(cognigyCalls(user).get(0)).path("data").path("translation").path("translated").asBoolean()).isFalse();
        // Four provider calls (two per turn) of at most ~0.9 s each, plus the turns themselves.
        assertThat(took).isLessThan(Duration.ofSeconds(8));
        double after = meters.counter("wabridge.processor.translation.failed", "endpoint", "untranslatable", "reason", "unavailable")
                .count() + meters.counter("wabridge.processor.translation.failed", "endpoint", "untranslatable", "reason", "circuit-open")
                .count();
        assertThat(after).isEqualTo(failed + 4);
    }

    @Test
    void theDetectedLanguageIsKeptAcrossAProcessorRestart() {
        String user = newUser();
        for (String[] detection : new String[][] {{"Guten Tag ", "Good day"}, {"Wie geht es ", "How are you"}}) {
            cognigy.stubFor(post("/deepl/v2/translate").atPriority(1)
                    .withRequestBody(equalToJson("{\"text\":[\"" + detection[0] + user + "\"],\"target_lang\":\"EN\"}"))
                    .willReturn(okJson("{\"translations\":[{\"detected_source_language\":\"DE\",\"text\":\"" + detection[1] + "\"}]}")));
        }
        cognigy.stubFor(post("/deepl/v2/translate").atPriority(1)
                .withRequestBody(equalToJson("{\"text\":[\"Tschüss " + user + "\"],\"target_lang\":\"EN\",\"source_lang\":\"DE\"}"))
                .willReturn(okJson("{\"translations\":[{\"text\":\"Bye\"}]}")));
        send(text(TRANSLATED, user, "Guten Tag " + user));
        send(text(TRANSLATED, user, "Wie geht es " + user));
        await().atMost(WAIT).until(() -> outbound(TRANSLATED + ":" + user).size() == 2);

        processor.stop();
        processor.start();
        send(text(TRANSLATED, user, "Tschüss " + user));

        await().atMost(WAIT).until(() -> outbound(TRANSLATED + ":" + user).size() == 3);
        assertThat(cognigyCalls(user)).extracting(call -> body(call).path("text").asText())
                .as("the third input translated from the stored language, not detected again")
                .containsExactly("Good day", "How are you", "Bye");
    }

    private static InboundEvent text(String number, String user, String body) {
        return TestEvents.text(number, user, "wamid." + UUID.randomUUID(), body, Instant.now());
    }
}
