package io.wabridge.model.webhook;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * A {@code statuses[]} item: {@code sent}, {@code delivered}, {@code read}, {@code played} or
 * {@code failed} for one of our outbound messages ({@code id} is its wamid).
 */
public record Status(
        String id,
        String status,
        String timestamp,
        @JsonProperty("recipient_id") String recipientId,
        @JsonProperty("recipient_user_id") String recipientUserId,
        @JsonProperty("biz_opaque_callback_data") String bizOpaqueCallbackData,
        JsonNode conversation,
        JsonNode pricing,
        List<WebhookError> errors,
        @JsonAnySetter Map<String, JsonNode> other) {

    public Status {
        errors = errors == null ? List.of() : errors;
        other = other == null ? Map.of() : other;
    }

    /**
     * The conversation's user id, as messages are keyed: {@code recipient_user_id} (always there
     * since 2026, but for failed sends to a phone number), else {@code recipient_id}.
     */
    public String conversationUserId() {
        return recipientUserId != null && !recipientUserId.isBlank() ? recipientUserId : recipientId;
    }
}
