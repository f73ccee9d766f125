package io.wabridge.processor.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.wabridge.model.ConversationKey;
import io.wabridge.model.UserIds;
import io.wabridge.model.event.InboundEvent;
import io.wabridge.model.event.InboundKind;
import io.wabridge.model.state.UserIdentity;
import java.util.Optional;

/**
 * The user ids one inbound record carries: from a webhook, its message's {@code from} /
 * {@code from_user_id} and the contact's {@code wa_id} / {@code user_id} / {@code profile.username};
 * from the API, the user id it was called with, whichever kind it is.
 */
public record SeenIds(String businessScopedUserId, String phoneNumber, String username) {

    public static SeenIds of(InboundEvent event, String conversationKey) {
        if (event.kind() == InboundKind.MESSAGE && event.message() != null) {
            JsonNode message = event.message();
            JsonNode contact = event.contact() == null ? MissingNode.getInstance() : event.contact();
            return new SeenIds(
                    text(message.path("from_user_id"), contact.path("user_id")),
                    text(message.path("from"), contact.path("wa_id")),
                    text(contact.path("profile").path("username"), MissingNode.getInstance()));
        }
        String userId = event.userId() != null ? event.userId() : ConversationKey.parse(conversationKey).userId();
        return UserIds.isBusinessScoped(userId) ? new SeenIds(userId, null, null) : new SeenIds(null, userId, null);
    }

    /**
     * Who the user is after {@code event}: the known identity updated by what the record shows, or
     * a first one keyed as the conversation is. An identity change's {@code from} is the old number:
     * the change itself says what replaces it.
     */
    public static UserIdentity after(InboundEvent event, UserIdentity known, String conversationKey) {
        Optional<IdentityChange> change = IdentityChange.of(event);
        if (change.isPresent()) {
            UserIdentity base = known != null ? known
                    : UserIdentity.first(ConversationKey.parse(conversationKey).userId(), null, null, null);
            return change.get().applyTo(base);
        }
        SeenIds seen = of(event, conversationKey);
        if (known != null) {
            return known.updatedBy(seen.businessScopedUserId, seen.phoneNumber, seen.username);
        }
        return UserIdentity.first(ConversationKey.parse(conversationKey).userId(), seen.businessScopedUserId, seen.phoneNumber,
                seen.username);
    }

    private static String text(JsonNode first, JsonNode second) {
        JsonNode node = first.isTextual() && !first.asText().isBlank() ? first : second;
        return node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
    }

}
