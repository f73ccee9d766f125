package io.wabridge.model.webhook;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** The {@code value} of a {@code messages} change. */
public record MessagesValue(
        @JsonProperty("messaging_product") String messagingProduct,
        Metadata metadata,
        List<Contact> contacts,
        List<Message> messages,
        List<Status> statuses,
        List<WebhookError> errors,
        @JsonAnySetter Map<String, JsonNode> other) {

    public MessagesValue {
        contacts = contacts == null ? List.of() : contacts;
        messages = messages == null ? List.of() : messages;
        statuses = statuses == null ? List.of() : statuses;
        errors = errors == null ? List.of() : errors;
        other = other == null ? Map.of() : other;
    }

    public record Metadata(
            @JsonProperty("display_phone_number") String displayPhoneNumber,
            @JsonProperty("phone_number_id") String phoneNumberId) {
    }

    public record Contact(
            Profile profile,
            @JsonProperty("wa_id") String waId,
            @JsonProperty("user_id") String userId,
            @JsonAnySetter Map<String, JsonNode> other) {

        /** @param username the user's WhatsApp username, when they have one */
        public record Profile(String name, String username) {
        }

        /** The conversation's user id, as messages are keyed: the business-scoped id, else {@code wa_id}. */
        public String conversationUserId() {
            return userId != null && !userId.isBlank() ? userId : waId;
        }
    }
}
