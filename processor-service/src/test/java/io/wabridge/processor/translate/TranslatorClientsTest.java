package io.wabridge.processor.translate;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wabridge.model.settings.Secret;
import io.wabridge.model.settings.TestEndpointSettings;
import io.wabridge.model.settings.TranslationSettings;
import io.wabridge.support.endpoint.Endpoints;
import io.wabridge.support.endpoint.EndpointsSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

/** The three providers' clients against WireMock with their documented request and response shapes, errors and rate limits. */
class TranslatorClientsTest {

    private static final WireMockServer provider = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    private final ProviderHttp http = new ProviderHttp(RestClient.builder(), Duration.ofSeconds(2));

    @BeforeAll
    static void start() {
        provider.start();
    }

    @AfterAll
    static void stop() {
        provider.stop();
    }

    @BeforeEach
    void reset() {
        provider.resetAll();
    }

    @Test
    void deeplSendsTheTextsInOneRequestWithItsAuthHeaderAndOptions() {
        provider.stubFor(post("/v2/translate").willReturn(okJson("""
                {"translations":[{"detected_source_language":"EN","text":"Hallo"},{"detected_source_language":"EN","text":"Tschüss"}]}""")));
        DeepLTranslator deepl = new DeepLTranslator(http, provider.baseUrl(), new Secret("k-123"));

        Translator.Translation result = deepl.translate(List.of("Hello", "Bye"), "en", "de", "less", "g-1");

        assertThat(result.texts()).containsExactly("Hallo", "Tschüss");
        assertThat(result.detectedSource()).as("a given source is not a detection").isNull();
        provider.verify(1, postRequestedFor(urlEqualTo("/v2/translate"))
                .withHeader("Authorization", equalTo("DeepL-Auth-Key k-123"))
                .withRequestBody(equalToJson("""
                        {"text":["Hello","Bye"],"target_lang":"DE","source_lang":"EN","formality":"less","glossary_id":"g-1"}""")));
    }

    @Test
    void deeplDetectsWithoutASourceAndPicksTheFreeHostForAFreeKey() {
        provider.stubFor(post("/v2/translate").willReturn(okJson("""
                {"translations":[{"detected_source_language":"DE","text":"Good morning"}]}""")));
        DeepLTranslator deepl = new DeepLTranslator(http, provider.baseUrl(), new Secret("k"));

        Translator.Translation result = deepl.translate(List.of("Guten Morgen"), null, "en", null, "ignored-without-source");

        assertThat(result.detectedSource()).isEqualTo("de");
        provider.verify(postRequestedFor(urlEqualTo("/v2/translate")).withRequestBody(equalToJson("""
                {"text":["Guten Morgen"],"target_lang":"EN"}""")));
        assertThat(new DeepLTranslator(http, null, new Secret("abc:fx"))).extracting("baseUrl").isEqualTo(DeepLTranslator.FREE_URL);
        assertThat(new DeepLTranslator(http, null, new Secret("abc"))).extracting("baseUrl").isEqualTo(DeepLTranslator.PRO_URL);
    }

    @Test
    void microsoftSendsTextObjectsWithKeyAndRegionAndReadsEachTranslation() {
        provider.stubFor(post(urlPathEqualTo("/translate")).willReturn(okJson("""
                [{"translations":[{"text":"Hallo","to":"de"}]},{"translations":[{"text":"Ja","to":"de"}]}]""")));
        provider.stubFor(post(urlPathEqualTo("/detect")).willReturn(okJson("""
                [{"language":"de","score":1.0,"isTranslationSupported":true,"isTransliterationSupported":false}]""")));
        MicrosoftTranslator microsoft = new MicrosoftTranslator(http, provider.baseUrl(), new Secret("ms-key"), "westeurope");

        assertThat(microsoft.translate(List.of("Hello", "Yes"), "en", "de", null, null).texts()).containsExactly("Hallo", "Ja");
        assertThat(microsoft.detect("Guten Tag")).isEqualTo("de");

        provider.verify(postRequestedFor(urlPathEqualTo("/translate"))
                .withQueryParam("api-version", equalTo("3.0")).withQueryParam("from", equalTo("en")).withQueryParam("to", equalTo("de"))
                .withHeader("Ocp-Apim-Subscription-Key", equalTo("ms-key"))
                .withHeader("Ocp-Apim-Subscription-Region", equalTo("westeurope"))
                .withRequestBody(equalToJson("[{\"Text\":\"Hello\"},{\"Text\":\"Yes\"}]")));
        provider.verify(postRequestedFor(urlPathEqualTo("/detect")).withQueryParam("api-version", equalTo("3.0"))
                .withRequestBody(equalToJson("[{\"Text\":\"Guten Tag\"}]")));
    }

    @Test
    void microsoftReportsTheDetectedLanguageWhenNoSourceIsGiven() {
        provider.stubFor(post(urlPathEqualTo("/translate")).willReturn(okJson("""
                [{"detectedLanguage":{"language":"de","score":1.0},"translations":[{"text":"Hello","to":"en"}]}]""")));
        MicrosoftTranslator microsoft = new MicrosoftTranslator(http, provider.baseUrl(), new Secret("ms-key"), null);

        Translator.Translation result = microsoft.translate(List.of("Hallo"), null, "en", null, null);

        assertThat(result.detectedSource()).isEqualTo("de");
        provider.verify(postRequestedFor(urlPathEqualTo("/translate")).withoutHeader("Ocp-Apim-Subscription-Region")
                .withQueryParam("from", absent()));
    }

    @Test
    void googleSendsQArrayAsPlainTextWithTheKeyParameter() {
        provider.stubFor(post(urlPathEqualTo("/language/translate/v2")).willReturn(okJson("""
                {"data":{"translations":[{"translatedText":"Hallo & Tschüss"}]}}""")));
        provider.stubFor(post(urlPathEqualTo("/language/translate/v2/detect")).willReturn(okJson("""
                {"data":{"detections":[[{"language":"de","isReliable":false,"confidence":1}]]}}""")));
        GoogleTranslator google = new GoogleTranslator(http, provider.baseUrl(), new Secret("g-key"));

        assertThat(google.translate(List.of("Hello & bye"), "en", "de", null, null).texts()).containsExactly("Hallo & Tschüss");
        assertThat(google.detect("Hallo")).isEqualTo("de");

        provider.verify(postRequestedFor(urlPathEqualTo("/language/translate/v2")).withQueryParam("key", equalTo("g-key"))
                .withRequestBody(equalToJson("""
                        {"q":["Hello & bye"],"target":"de","source":"en","format":"text"}""")));
        provider.verify(postRequestedFor(urlPathEqualTo("/language/translate/v2/detect")).withRequestBody(equalToJson("""
                {"q":["Hallo"]}""")));
    }

    @Test
    void statusesBecomeRetryableOrNot() {
        provider.stubFor(post("/v2/translate").willReturn(aResponse().withStatus(429)));
        DeepLTranslator deepl = new DeepLTranslator(http, provider.baseUrl(), new Secret("k"));
        assertThatThrownBy(() -> deepl.translate(List.of("x"), "en", "de", null, null))
                .isInstanceOfSatisfying(TranslationException.class, e -> assertThat(e.retryable()).isTrue());

        provider.stubFor(post("/v2/translate").willReturn(aResponse().withStatus(403).withBody("{\"message\":\"Forbidden\"}")));
        assertThatThrownBy(() -> deepl.translate(List.of("x"), "en", "de", null, null))
                .isInstanceOfSatisfying(TranslationException.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).doesNotContain("k");
                });

        provider.stubFor(post("/v2/translate").willReturn(okJson("{\"translations\":[]}")));
        assertThatThrownBy(() -> deepl.translate(List.of("x"), "en", "de", null, null)).isInstanceOf(TranslationException.class);
    }

    @Test
    void aRateLimitIsRetriedAndAnAnswerCachedSoTheSamePhraseIsNotPaidAgain() {
        provider.stubFor(post("/v2/translate").inScenario("limit").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429)).willSetStateTo("ok"));
        provider.stubFor(post("/v2/translate").inScenario("limit").whenScenarioStateIs("ok")
                .willReturn(okJson("{\"translations\":[{\"text\":\"Hallo\"}]}")));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        Translations translations = Translations.of(endpoints(), RestClient.builder(), meters);

        assertThat(translations.translate("demo", List.of("Hello"), "en", "de", null, null)).get()
                .extracting(Translator.Translation::texts).isEqualTo(List.of("Hallo"));
        assertThat(translations.translate("demo", List.of("Hello"), "en", "de", null, null)).get()
                .extracting(Translator.Translation::texts).isEqualTo(List.of("Hallo"));

        provider.verify(2, postRequestedFor(urlEqualTo("/v2/translate")));
        assertThat(meters.counter("wabridge.processor.translation.cache", "result", "hit").count()).isEqualTo(1);
        assertThat(meters.counter("wabridge.processor.translation.cache", "result", "miss").count()).isEqualTo(1);
    }

    @Test
    void aProviderThatStaysDownGivesNothingAfterBoundedAttemptsCounted() {
        provider.stubFor(post("/v2/translate").willReturn(aResponse().withStatus(503)));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        Translations translations = Translations.of(endpoints(), RestClient.builder(), meters);

        Optional<Translator.Translation> result = translations.translate("demo", List.of("Hello"), "en", "de", null, null);

        assertThat(result).isEmpty();
        provider.verify(Translations.ATTEMPTS, postRequestedFor(urlEqualTo("/v2/translate")));
        assertThat(meters.counter("wabridge.processor.translation.failed", "endpoint", "demo", "reason", "unavailable").count())
                .isEqualTo(1);
    }

    private static Endpoints endpoints() {
        TranslationSettings translation = new TranslationSettings(true, TranslationSettings.Provider.DEEPL, new Secret("k"), null,
                provider.baseUrl(), "de", "en", null, null, null, null, null, null, null, Duration.ofSeconds(3));
        return new Endpoints(new EndpointsSettings(Map.of("demo", TestEndpointSettings.number("1").translation(translation).build())));
    }
}
