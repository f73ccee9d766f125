package io.wabridge.sandbox.translate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wabridge.model.Json;
import io.wabridge.sandbox.SandboxHarness;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The fake DeepL over HTTP, in the shape the processor's DeepL client speaks. */
class DeepLIT extends SandboxHarness {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void translatesABatchAndReportsTheDetectedLanguage() throws Exception {
        HttpResponse<String> response = translate("DeepL-Auth-Key any", "{\"text\":[\"Hallo\",\"danke\"],\"target_lang\":\"EN\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode translations = Json.mapper().readTree(response.body()).path("translations");
        assertThat(translations.findValuesAsText("text")).containsExactly("hello", "thanks");
        assertThat(translations.findValuesAsText("detected_source_language")).containsExactly("DE", "DE");
    }

    @Test
    void refusesARequestWithoutItsAuthorizationHeader() throws Exception {
        assertThat(translate(null, "{\"text\":[\"Hallo\"],\"target_lang\":\"EN\"}").statusCode()).isEqualTo(403);
        assertThat(translate("DeepL-Auth-Key any", "{\"text\":[]}").statusCode()).isEqualTo(400);
    }

    private HttpResponse<String> translate(String authorization, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/deepl/v2/translate")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
