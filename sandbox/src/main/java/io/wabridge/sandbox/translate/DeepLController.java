package io.wabridge.sandbox.translate;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * DeepL's {@code POST /v2/translate} as the real API shapes it: {@code Authorization:
 * DeepL-Auth-Key …} (any key), {@code {"text":[…],"target_lang":"DE","source_lang"?:"EN"}},
 * answered with {@code {"translations":[{"detected_source_language":"EN","text":"…"}]}}, the
 * texts translated by {@link ToyTranslation}. Served under {@code /deepl}, the processor's
 * {@code translation.base-url} in {@code ./run-local.sh}.
 */
@RestController
class DeepLController {

    record TranslateRequest(List<String> text, String target_lang, String source_lang) {
    }

    @PostMapping("/deepl/v2/translate")
    ResponseEntity<Object> translate(@RequestHeader(name = "Authorization", required = false) String authorization,
                                     @RequestBody TranslateRequest request) {
        if (authorization == null || !authorization.startsWith("DeepL-Auth-Key ")) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("message", "Wrong endpoint. Use https://api.deepl.com"));
        }
        if (request.text() == null || request.text().isEmpty() || request.target_lang() == null) {
            return ResponseEntity.badRequest().body(Map.of("message", "Value for 'text' and 'target_lang' expected"));
        }
        String source = request.source_lang() == null ? null : request.source_lang().toLowerCase(Locale.ROOT);
        List<Map<String, String>> translations = request.text().stream().map(text -> Map.of(
                "detected_source_language", (source != null ? source : ToyTranslation.detect(text)).toUpperCase(Locale.ROOT),
                "text", ToyTranslation.translate(text, source, request.target_lang()))).toList();
        return ResponseEntity.ok(Map.of("translations", translations));
    }
}
