package io.wabridge.sandbox.webhook;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wabridge.model.Json;
import io.wabridge.model.UserIds;
import io.wabridge.sandbox.SandboxSettings;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Wraps messages and statuses in the envelope of a real WhatsApp webhook delivery:
 * {@code {object, entry: [{id, changes: [{field: "messages", value: {messaging_product, metadata, ...}}]}]}}.
 */
@Component
public class Webhooks {

    private final SandboxSettings settings;

    Webhooks(SandboxSettings settings) {
        this.settings = settings;
    }

    /**
     * A user message, with the sender's profile in {@code contacts} as Meta sends it: a
     * business-scoped {@code userId} plays a username user (user_id and profile.username, and the
     * wa_id only when {@code phoneNumber} says Meta shares it).
     */
    public ObjectNode message(String userId, String name, String phoneNumber, ObjectNode message) {
        ObjectNode value = value();
        ObjectNode contact = value.putArray("contacts").addObject();
        ObjectNode profile = contact.putObject("profile").put("name", name);
        if (UserIds.isBusinessScoped(userId)) {
            profile.put("username", name);
            contact.put("user_id", userId);
            if (phoneNumber != null) {
                contact.put("wa_id", phoneNumber);
            }
        } else {
            contact.put("wa_id", userId);
        }
        value.putArray("messages").add(message);
        return envelope(value);
    }

    /**
     * A {@code user_changed_number} system message as Meta documents it since August 2026: the old
     * and new business-scoped ids, the new number; no {@code contacts} (docs/whatsapp.md, "Identity").
     */
    public ObjectNode numberChange(String previousUserId, String newUserId, String newPhoneNumber, String messageId, Instant at) {
        ObjectNode value = value();
        ObjectNode message = value.putArray("messages").addObject();
        message.put("from_user_id", previousUserId).put("id", messageId).put("timestamp", Long.toString(at.getEpochSecond()))
                .put("type", "system");
        message.putObject("system").put("body", "User changed number to " + newPhoneNumber).put("type", "user_changed_number")
                .put("wa_id", newPhoneNumber).put("user_id", newUserId).put("previous_user_id", previousUserId);
        return envelope(value);
    }

    /** One status update of an outbound message. */
    public ObjectNode status(ObjectNode status) {
        ObjectNode value = value();
        value.putArray("statuses").add(status);
        return envelope(value);
    }

    private ObjectNode value() {
        ObjectNode value = Json.mapper().createObjectNode();
        value.put("messaging_product", "whatsapp");
        ObjectNode metadata = value.putObject("metadata");
        metadata.put("display_phone_number", settings.displayPhoneNumber());
        metadata.put("phone_number_id", settings.phoneNumberId());
        return value;
    }

    private ObjectNode envelope(ObjectNode value) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("object", "whatsapp_business_account");
        ArrayNode entries = root.putArray("entry");
        ObjectNode entry = entries.addObject();
        entry.put("id", settings.businessAccountId());
        ObjectNode change = entry.putArray("changes").addObject();
        change.put("field", "messages");
        change.set("value", value);
        return root;
    }
}
