package io.wabridge.processor.identity;

import com.fasterxml.jackson.databind.JsonNode;
import io.wabridge.model.ConversationKey;
import io.wabridge.model.UserIds;
import io.wabridge.model.event.InboundEvent;
import io.wabridge.model.event.InboundKind;
import java.util.Optional;

/**
 * A {@code system} message saying the user's identity changed: {@code user_changed_number} (a new
 * phone number, and with it a new business-scoped id) or {@code user_changed_user_id} (a new
 * business-scoped id only). docs/whatsapp.md, "Identity".
 *
 * @param type                    the system message's {@code type}
 * @param newBusinessScopedUserId the new business-scoped id, when the message has one
 * @param newPhoneNumber          the new phone number, when the message has one
 */
public record IdentityChange(String type, String newBusinessScopedUserId, String newPhoneNumber) {

    public static Optional<IdentityChange> of(InboundEvent event) {
        if (event.kind() != InboundKind.MESSAGE || event.message() == null || !"system".equals(event.messageType())) {
            return Optional.empty();
        }
        JsonNode system = event.message().path("system");
        String type = system.path("type").asText("");
        if (!type.equals("user_changed_number") && !type.equals("user_changed_user_id")) {
            return Optional.empty();
        }
        String phone = text(system.path("wa_id"));
        return Optional.of(new IdentityChange(type, text(system.path("user_id")), phone != null ? phone : text(system.path("new_wa_id"))));
    }

    /**
     * The key of the conversation that continues the one keyed {@code conversationKey}: the new
     * business-scoped id's; for a conversation still keyed on a phone number (payloads before
     * business-scoped ids), the new number's. Empty when the change names no new id to key on, or
     * names the one the conversation already has.
     */
    public Optional<String> continuedAt(String conversationKey) {
        ConversationKey key = ConversationKey.parse(conversationKey);
        String next = newBusinessScopedUserId != null ? newBusinessScopedUserId
                : !UserIds.isBusinessScoped(key.userId()) ? newPhoneNumber : null;
        if (next == null || next.equals(key.userId())) {
            return Optional.empty();
        }
        return Optional.of(new ConversationKey(key.phoneNumberId(), next).toString());
    }

    private static String text(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
    }
}
