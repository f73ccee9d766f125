package io.wabridge.processor.translate;

import com.fasterxml.jackson.databind.JsonNode;
import io.wabridge.model.settings.Secret;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Google Cloud Translation v2 (basic): {@code POST /language/translate/v2?key=…} with
 * {@code {"q":[…],"target":"de","source":"en","format":"text"}}; answers
 * {@code {"data":{"translations":[{"translatedText":"…","detectedSourceLanguage":"en"}]}}}.
 * {@code POST /language/translate/v2/detect} answers {@code {"data":{"detections":[[{"language":"de"}]]}}}.
 */
final class GoogleTranslator implements Translator {

    static final String URL = "https://translation.googleapis.com";

    private final ProviderHttp http;
    private final String baseUrl;
    private final Secret key;

    GoogleTranslator(ProviderHttp http, String baseUrl, Secret key) {
        this.http = http;
        this.baseUrl = baseUrl != null ? baseUrl : URL;
        this.key = key;
    }

    @Override
    public Translation translate(List<String> texts, String source, String target, String formality, String glossaryId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("q", texts);
        body.put("target", target);
        if (source != null) {
            body.put("source", source);
        }
        // Plain text: with the default "html" Google would escape quotes and ampersands.
        body.put("format", "text");
        JsonNode translations = http.post(url("/language/translate/v2"), body, headers -> { }, key.reveal()).path("data").path("translations");
        if (!translations.isArray() || translations.size() != texts.size()) {
            throw ProviderHttp.malformed("translations");
        }
        List<String> result = new ArrayList<>();
        translations.forEach(t -> result.add(t.path("translatedText").asText()));
        String detected = translations.path(0).path("detectedSourceLanguage").asText(null);
        return new Translation(result, source == null ? detected : null);
    }

    @Override
    public String detect(String text) {
        JsonNode answer = http.post(url("/language/translate/v2/detect"), Map.of("q", List.of(text)), headers -> { }, key.reveal());
        String language = answer.path("data").path("detections").path(0).path(0).path("language").asText(null);
        if (language == null) {
            throw ProviderHttp.malformed("detections");
        }
        return language;
    }

    private String url(String path) {
        // The key as a template variable: metrics and spans name the template, never the key.
        return baseUrl + path + "?key={key}";
    }
}
