package io.wabridge.processor.identity;

import com.fasterxml.jackson.databind.JsonNode;
import io.wabridge.model.ConversationKey;
import io.wabridge.model.event.InboundEvent;
import io.wabridge.model.event.InboundKind;
import io.wabridge.model.state.UserIdentity;
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
     * The key of the conversation this change continues, when it is not {@code conversationKey}
     * itself: the previous business-scoped id's ({@code previous_user_id}, since August 2026), else
     * the old phone number's ({@code from}) for payloads before business-scoped ids.
     */
    public Optional<String> continues(InboundEvent event, String conversationKey) {
        ConversationKey key = ConversationKey.parse(conversationKey);
        String previous = text(event.message().path("system").path("previous_user_id"));
        if (previous == null) {
            previous = text(event.message().path("from"));
        }
        if (previous == null || previous.equals(key.userId())) {
            return Optional.empty();
        }
        return Optional.of(new ConversationKey(key.phoneNumberId(), previous).toString());
    }

    /**
     * The identity after the change: a new number replaces the old one (or leaves none when Meta
     * does not share it); a new business-scoped id alone keeps the number.
     */
    public UserIdentity applyTo(UserIdentity known) {
        if (type.equals("user_changed_number")) {
            return known.changedTo(newBusinessScopedUserId, newPhoneNumber);
        }
        return known.updatedBy(newBusinessScopedUserId, null, null);
    }

    private static String text(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
    }
}
