package io.wabridge.sandbox.webhook;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wabridge.model.Json;
import io.wabridge.model.UserIds;
import io.wabridge.sandbox.SandboxSettings;
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
     * business-scoped {@code userId} plays a username user (user_id and profile.username, no wa_id).
     */
    public ObjectNode message(String userId, String name, ObjectNode message) {
        ObjectNode value = value();
        ObjectNode contact = value.putArray("contacts").addObject();
        ObjectNode profile = contact.putObject("profile").put("name", name);
        if (UserIds.isBusinessScoped(userId)) {
            profile.put("username", name);
            contact.put("user_id", userId);
        } else {
            contact.put("wa_id", userId);
        }
        value.putArray("messages").add(message);
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
