package io.wabridge.processor.handover.chatwoot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wabridge.model.Json;
import io.wabridge.model.settings.HandoverSettings;
import io.wabridge.processor.handover.HandoverProviderException;
import java.net.http.HttpClient;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * The calls of Chatwoot's Application API ({@code /api/v1/accounts/{account_id}/…}, header
 * {@code api_access_token}) the {@code chatwoot} provider makes, with the request and response
 * shapes of Chatwoot's API documentation (its {@code swagger/} files). Any failure (no answer, a
 * non-2xx answer such as 401 or 5xx, an answer without the expected id) is a
 * {@link HandoverProviderException}, which the lifecycle retries and then ends with {@code error}.
 */
final class ChatwootClient {

    private final RestClient http;
    private final long accountId;

    ChatwootClient(HandoverSettings.Chatwoot settings) {
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(settings.timeout()).version(HttpClient.Version.HTTP_1_1).build());
        factory.setReadTimeout(settings.timeout());
        this.http = RestClient.builder()
                .baseUrl(settings.baseUrl() + "/api/v1/accounts/" + settings.accountId())
                .defaultHeader("api_access_token", settings.apiAccessToken().reveal())
                .requestFactory(factory)
                .build();
        this.accountId = settings.accountId();
    }

    /** {@code GET /contacts/search?q=}: the contact whose {@code identifier} is exactly this one. */
    Optional<JsonNode> contactByIdentifier(String identifier) {
        JsonNode answer = call("search contacts", () -> http.get()
                .uri(uri -> uri.path("/contacts/search").queryParam("q", identifier).build())
                .retrieve().body(JsonNode.class));
        for (JsonNode contact : answer.path("payload")) {
            if (identifier.equals(contact.path("identifier").asText(null))) {
                return Optional.of(contact);
            }
        }
        return Optional.empty();
    }

    /**
     * {@code POST /contacts} in the inbox: answers {@code payload.contact} (with its {@code id}) and
     * {@code payload.contact_inbox.source_id}.
     */
    JsonNode createContact(long inboxId, String name, String identifier, ObjectNode additionalAttributes) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("inbox_id", inboxId);
        body.put("name", name);
        body.put("identifier", identifier);
        body.set("additional_attributes", additionalAttributes);
        return post("create contact", "/contacts", body);
    }

    /** {@code POST /contacts/{id}/contact_inboxes}: the contact in one more inbox; answers its {@code source_id}. */
    JsonNode createContactInbox(long contactId, long inboxId) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("inbox_id", inboxId);
        return post("create contact inbox", "/contacts/" + contactId + "/contact_inboxes", body);
    }

    /** {@code GET /contacts/{id}/conversations}: the contact's conversations ({@code payload[]}). */
    JsonNode contactConversations(long contactId) {
        return call("list contact conversations", () -> http.get().uri("/contacts/{id}/conversations", contactId)
                .retrieve().body(JsonNode.class)).path("payload");
    }

    /** {@code POST /conversations} with {@code source_id}, {@code inbox_id}, {@code contact_id}: answers its {@code id}. */
    long createConversation(String sourceId, long inboxId, long contactId, ObjectNode customAttributes) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("source_id", sourceId);
        body.put("inbox_id", inboxId);
        body.put("contact_id", contactId);
        body.set("custom_attributes", customAttributes);
        return id("create conversation", post("create conversation", "/conversations", body));
    }

    /** {@code POST /conversations/{id}/messages} as {@code incoming} (the contact's), not private: answers the message. */
    JsonNode postIncoming(long conversationId, String content) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("content", content);
        body.put("message_type", "incoming");
        body.put("private", false);
        return post("post message", "/conversations/" + conversationId + "/messages", body);
    }

    /** {@code POST /conversations/{id}/toggle_status} with {@code status: resolved}. */
    void resolve(long conversationId) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("status", "resolved");
        post("resolve conversation", "/conversations/" + conversationId + "/toggle_status", body);
    }

    static long id(String what, JsonNode node) {
        JsonNode id = node.path("id");
        if (!id.canConvertToLong() || id.asLong() < 1) {
            throw new HandoverProviderException("Chatwoot's answer to " + what + " has no id");
        }
        return id.asLong();
    }

    private JsonNode post(String what, String path, ObjectNode body) {
        return call(what, () -> http.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body.toString())
                .retrieve().body(JsonNode.class));
    }

    private JsonNode call(String what, java.util.function.Supplier<JsonNode> request) {
        try {
            JsonNode answer = request.get();
            return answer == null ? Json.mapper().createObjectNode() : answer;
        } catch (RestClientResponseException e) {
            throw new HandoverProviderException("Chatwoot (account " + accountId + ") refused to " + what + ": HTTP "
                    + e.getStatusCode().value(), e);
        } catch (RestClientException e) {
            throw new HandoverProviderException("Chatwoot (account " + accountId + ") could not " + what + ": " + e.getMessage(), e);
        }
    }
}
