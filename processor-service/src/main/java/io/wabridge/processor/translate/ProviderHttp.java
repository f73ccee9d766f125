package io.wabridge.processor.translate;

import com.fasterxml.jackson.databind.JsonNode;
import io.wabridge.model.Json;
import io.wabridge.processor.http.JdkRequestFactories;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.function.Consumer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/** The HTTP part the three clients share: a JSON POST, its status mapped to {@link TranslationException}. */
final class ProviderHttp {

    private final RestClient client;

    ProviderHttp(RestClient.Builder builder, Duration readTimeout) {
        this.client = builder.clone().requestFactory(JdkRequestFactories.of(HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(readTimeout).build(), readTimeout)).build();
    }

    /**
     * @param url          a URI template: a secret in the query goes in as a variable, so that the
     *                     {@code http.client.requests} observation's {@code uri} tag shows the template, not the secret
     */
    JsonNode post(String url, Object body, Consumer<HttpHeaders> headers, Object... uriVariables) {
        try {
            return client.post().uri(url, uriVariables).contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
                    .headers(headers).body(Json.toBytes(body))
                    .exchange((request, response) -> answer(response.getStatusCode().value(), response.getBody().readAllBytes()));
        } catch (ResourceAccessException e) {
            // Its message names the URL, which may carry the key (Google): keep only the I/O failure's type.
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new TranslationException(cause.getClass().getSimpleName(), true, null);
        }
    }

    private static JsonNode answer(int status, byte[] body) {
        if (status >= 300) {
            throw TranslationException.ofStatus(status);
        }
        try {
            return Json.mapper().readTree(body);
        } catch (IOException e) {
            throw new TranslationException("response is not JSON", false, null);
        }
    }

    static TranslationException malformed(String what) {
        return new TranslationException("unexpected response: " + what, false, null);
    }
}
