package io.wabridge.processor.translate;

import com.fasterxml.jackson.databind.JsonNode;
import io.wabridge.model.settings.Secret;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * DeepL API v2: {@code POST /v2/translate} with {@code Authorization: DeepL-Auth-Key <key>} and
 * {@code {"text":[…],"target_lang":"DE","source_lang":"EN","formality":…,"glossary_id":…}};
 * answers {@code {"translations":[{"detected_source_language":"EN","text":"…"}]}}. DeepL has no
 * detect call: detection is a translation without {@code source_lang}.
 */
final class DeepLTranslator implements Translator {

    static final String FREE_URL = "https://api-free.deepl.com";
    static final String PRO_URL = "https://api.deepl.com";

    private final ProviderHttp http;
    private final String baseUrl;
    private final Secret key;

    DeepLTranslator(ProviderHttp http, String baseUrl, Secret key) {
        this.http = http;
        // Free-plan keys end in ":fx" and work on the free host only.
        this.baseUrl = baseUrl != null ? baseUrl : key.reveal().endsWith(":fx") ? FREE_URL : PRO_URL;
        this.key = key;
    }

    @Override
    public Translation translate(List<String> texts, String source, String target, String formality, String glossaryId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", texts);
        body.put("target_lang", target.toUpperCase(Locale.ROOT));
        if (source != null) {
            body.put("source_lang", source.toUpperCase(Locale.ROOT));
        }
        if (formality != null) {
            body.put("formality", formality);
        }
        // A glossary needs a source language (DeepL rejects it otherwise).
        if (glossaryId != null && source != null) {
            body.put("glossary_id", glossaryId);
        }
        JsonNode answer = http.post(baseUrl + "/v2/translate", body,
                headers -> headers.set("Authorization", "DeepL-Auth-Key " + key.reveal()));
        JsonNode translations = answer.path("translations");
        if (!translations.isArray() || translations.size() != texts.size()) {
            throw ProviderHttp.malformed("translations");
        }
        List<String> result = new ArrayList<>();
        translations.forEach(t -> result.add(t.path("text").asText()));
        String detected = translations.path(0).path("detected_source_language").asText(null);
        return new Translation(result, source == null && detected != null ? detected.toLowerCase(Locale.ROOT) : null);
    }

    @Override
    public String detect(String text) {
        return translate(List.of(text), null, "EN", null, null).detectedSource();
    }
}
