package io.wabridge.tools;

import com.fasterxml.jackson.databind.JsonNode;
import io.wabridge.model.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/** The tests' hands on the local pipeline's sandbox: chat as a user, read what the fake Graph API accepted. */
record Sandbox(int port) {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** The user types {@code text}; returns ingress's HTTP status as the sandbox saw it. */
    int say(String userId, String text) {
        JsonNode body = Json.mapper().createObjectNode().put("userId", userId).put("name", "Replay IT").put("text", text);
        return send(HttpRequest.newBuilder(uri("/chat/api/messages")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.toBytes(body))).build()).path("ingressStatus").asInt();
    }

    /** The text bodies of what the fake Graph API accepted for {@code recipient}, oldest first. */
    List<String> outbox(String recipient) {
        List<String> texts = new ArrayList<>();
        send(HttpRequest.newBuilder(uri("/sandbox/outbox/" + recipient)).GET().build())
                .forEach(message -> texts.add(message.at("/body/text/body").asText()));
        return texts;
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static JsonNode send(HttpRequest request) {
        try {
            return Json.mapper().readTree(HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray()).body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
