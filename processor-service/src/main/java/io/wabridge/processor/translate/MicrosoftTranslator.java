package io.wabridge.processor.translate;

import com.fasterxml.jackson.databind.JsonNode;
import io.wabridge.model.settings.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;

/**
 * Microsoft Translator v3: {@code POST /translate?api-version=3.0&from=en&to=de} with
 * {@code Ocp-Apim-Subscription-Key} (and {@code Ocp-Apim-Subscription-Region} for a regional
 * resource) and {@code [{"Text":"…"}]}; answers {@code [{"detectedLanguage":{"language":"en"},
 * "translations":[{"text":"…","to":"de"}]}]}. {@code POST /detect} answers {@code [{"language":"de"}]}.
 */
final class MicrosoftTranslator implements Translator {

    static final String URL = "https://api.cognitive.microsofttranslator.com";

    private final ProviderHttp http;
    private final String baseUrl;
    private final Secret key;
    private final String region;

    MicrosoftTranslator(ProviderHttp http, String baseUrl, Secret key, String region) {
        this.http = http;
        this.baseUrl = baseUrl != null ? baseUrl : URL;
        this.key = key;
        this.region = region;
    }

    @Override
    public Translation translate(List<String> texts, String source, String target, String formality, String glossaryId) {
        String url = baseUrl + "/translate?api-version=3.0&to={to}" + (source == null ? "" : "&from={from}");
        JsonNode answer = http.post(url, texts.stream().map(text -> Map.of("Text", text)).toList(), this::authenticate,
                source == null ? new Object[] {target} : new Object[] {target, source});
        if (!answer.isArray() || answer.size() != texts.size()) {
            throw ProviderHttp.malformed("translations");
        }
        List<String> result = new ArrayList<>();
        answer.forEach(item -> result.add(item.path("translations").path(0).path("text").asText()));
        String detected = answer.path(0).path("detectedLanguage").path("language").asText(null);
        return new Translation(result, source == null ? detected : null);
    }

    @Override
    public String detect(String text) {
        JsonNode answer = http.post(baseUrl + "/detect?api-version=3.0", List.of(Map.of("Text", text)), this::authenticate);
        String language = answer.path(0).path("language").asText(null);
        if (language == null) {
            throw ProviderHttp.malformed("language");
        }
        return language;
    }

    private void authenticate(HttpHeaders headers) {
        headers.set("Ocp-Apim-Subscription-Key", key.reveal());
        if (region != null && !region.isBlank()) {
            headers.set("Ocp-Apim-Subscription-Region", region);
        }
    }
}
