package io.wabridge.local;

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

/** The tests' hands on the sandbox: chat as the user, read what the fake Graph API received. */
public record SandboxClient(int port) {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** The user types {@code text}; returns the sandbox's answer (with ingress's status). */
    public JsonNode say(String userId, String text) {
        return post("/chat/api/messages", Json.mapper().createObjectNode().put("userId", userId).put("name", "E2E").put("text", text));
    }

    /** The business-scoped user {@code userId} types {@code text}; Meta shares their {@code phoneNumber} when it is not null. */
    public JsonNode say(String userId, String phoneNumber, String text) {
        var body = Json.mapper().createObjectNode().put("userId", userId).put("name", "E2E").put("text", text);
        if (phoneNumber != null) {
            body.put("phoneNumber", phoneNumber);
        }
        return post("/chat/api/messages", body);
    }

    /** The business-scoped user {@code userId} changes number: a {@code user_changed_number} webhook. */
    public JsonNode changeNumber(String userId, String newUserId, String newPhoneNumber) {
        return post("/chat/api/identity-changes", Json.mapper().createObjectNode().put("userId", userId).put("newUserId", newUserId)
                .put("newPhoneNumber", newPhoneNumber));
    }

    /** The user clicks a reply button of the bot message {@code contextMessageId}. */
    public JsonNode click(String userId, String replyId, String title, String contextMessageId) {
        var body = Json.mapper().createObjectNode().put("userId", userId).put("name", "E2E");
        body.putObject("reply").put("type", "button_reply").put("id", replyId).put("title", title)
                .put("contextMessageId", contextMessageId);
        return post("/chat/api/messages", body);
    }

    /** What the fake Graph API accepted for {@code recipient}, oldest first. */
    public List<JsonNode> outbox(String recipient) {
        List<JsonNode> messages = new ArrayList<>();
        get("/sandbox/outbox/" + recipient).forEach(messages::add);
        return messages;
    }

    /** How many calls the demo bot answered, all users together. */
    int botCalls() {
        int total = 0;
        for (JsonNode calls : get("/cognigy/calls")) {
            total += calls.asInt();
        }
        return total;
    }

    /** The text bodies of what the fake Graph API accepted for {@code recipient}, oldest first. */
    public List<String> outboxTexts(String recipient) {
        return outbox(recipient).stream().map(message -> message.at("/body/text/body").asText()).toList();
    }

    private JsonNode post(String path, JsonNode body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.toBytes(body))).build());
    }

    private JsonNode get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
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
