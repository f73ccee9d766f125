package io.wabridge.ingress.chatwoot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wabridge.model.Json;
import io.wabridge.model.event.InboundKind;

/**
 * What a Chatwoot webhook means for wabridge, read from the payload Chatwoot sends: the event's
 * name in {@code event}; for {@code message_created} the message at the top level with its
 * {@code conversation}; for {@code conversation_status_changed} the conversation itself at the top
 * level. The wabridge conversation is found from the conversation's {@code custom_attributes}
 * ({@code wabridge_endpoint_id}, {@code wabridge_user_id}), which the {@code chatwoot} provider
 * set when it created the conversation.
 *
 * @param kind           the event to write, or null when the webhook means nothing here
 * @param ignored        with no kind: why
 * @param userId         the WhatsApp user
 * @param text           an agent reply's text (with attachment links)
 * @param data           a handover command ({@code {action: end, status: completed, source: agent}})
 * @param idempotencyKey the same for Chatwoot's repeats of this webhook
 */
record ChatwootWebhook(InboundKind kind, String ignored, String userId, String text, JsonNode data, String idempotencyKey) {

    static ChatwootWebhook read(JsonNode payload, String endpointId) {
        String event = payload.path("event").asText("");
        return switch (event) {
            case "message_created" -> message(payload, endpointId);
            case "conversation_status_changed" -> statusChange(payload, endpointId);
            default -> ignore("event " + event + " is not used");
        };
    }

    private static ChatwootWebhook message(JsonNode message, String endpointId) {
        if (!"outgoing".equals(message.path("message_type").asText())) {
            return ignore("not an outgoing message (wabridge's own user messages are incoming)");
        }
        if (message.path("private").asBoolean(false)) {
            return ignore("a private note");
        }
        if (!"user".equals(message.path("sender").path("type").asText())) {
            return ignore("not sent by an agent (sender type " + message.path("sender").path("type").asText("none") + ")");
        }
        String userId = userOf(message.path("conversation"), endpointId);
        if (userId == null) {
            return ignore("the conversation is not one of this endpoint's handovers");
        }
        StringBuilder text = new StringBuilder(message.path("content").asText(""));
        for (JsonNode attachment : message.path("attachments")) {
            String url = attachment.path("data_url").asText("");
            if (!url.isEmpty()) {
                text.append(text.isEmpty() ? "" : "\n").append(url);
            }
        }
        if (text.isEmpty()) {
            return ignore("an empty message");
        }
        return new ChatwootWebhook(InboundKind.AGENT_REPLY, null, userId, text.toString(), null,
                "chatwoot-message-" + message.path("id").asText());
    }

    private static ChatwootWebhook statusChange(JsonNode conversation, String endpointId) {
        if (!"resolved".equals(conversation.path("status").asText())) {
            return ignore("status " + conversation.path("status").asText() + " is not resolved");
        }
        String userId = userOf(conversation, endpointId);
        if (userId == null) {
            return ignore("the conversation is not one of this endpoint's handovers");
        }
        ObjectNode end = Json.mapper().createObjectNode();
        end.put("action", "end");
        end.put("status", "completed");
        end.put("source", "agent");
        String handoverId = conversation.path("custom_attributes").path("wabridge_handover_id").asText("");
        if (!handoverId.isEmpty()) {
            end.put("handoverId", handoverId); // a late resolution of an earlier handover must not end a newer one
        }
        return new ChatwootWebhook(InboundKind.HANDOVER, null, userId, null, end,
                "chatwoot-resolved-" + conversation.path("id").asText() + "-" + handoverId);
    }

    private static String userOf(JsonNode conversation, String endpointId) {
        JsonNode attributes = conversation.path("custom_attributes");
        String userId = attributes.path("wabridge_user_id").asText("");
        return endpointId.equals(attributes.path("wabridge_endpoint_id").asText()) && !userId.isBlank() ? userId : null;
    }

    private static ChatwootWebhook ignore(String why) {
        return new ChatwootWebhook(null, why, null, null, null, null);
    }
}
