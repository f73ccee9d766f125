package io.wabridge.processor.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wabridge.model.Json;
import io.wabridge.support.endpoint.Endpoint;
import io.wabridge.support.endpoint.WhatsAppApiSettings;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks up a media message's download URL ({@code GET /{version}/{media-id}}) and adds it to the
 * input as {@code data.media.url}. Best effort: a failed lookup leaves the input without a URL
 * (the flow still has the media id); it never fails the turn.
 */
public class MediaUrls {

    private static final Logger log = LoggerFactory.getLogger(MediaUrls.class);

    private final MediaUrlSettings settings;
    private final WhatsAppApiSettings graph;
    private final HttpClient http;

    public MediaUrls(MediaUrlSettings settings, WhatsAppApiSettings graph) {
        this.settings = settings;
        this.graph = graph;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(settings.timeout()).build();
    }

    public void addTo(CognigyInput input, Endpoint endpoint) {
        JsonNode media = input.data().path("media");
        if (!settings.fetchUrls() || !(media instanceof ObjectNode node) || !media.path("id").isTextual()) {
            return;
        }
        String mediaId = media.path("id").asText();
        String base = graph.graphUrl().toString().replaceAll("/+$", "");
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/" + graph.apiVersion() + "/"
                        + URLEncoder.encode(mediaId, StandardCharsets.UTF_8)))
                .timeout(settings.timeout())
                .header("Authorization", "Bearer " + endpoint.settings().accessToken().reveal())
                .GET()
                .build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            JsonNode body = response.statusCode() == 200 ? Json.mapper().readTree(response.body()) : null;
            if (body != null && body.path("url").isTextual()) {
                node.put("url", body.path("url").asText());
            } else {
                log.warn("No URL for media {} of endpoint {}: HTTP {}", mediaId, endpoint.id(), response.statusCode());
            }
        } catch (IOException e) {
            log.warn("Looking up media {} of endpoint {} failed: {}", mediaId, endpoint.id(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
