package io.wabridge.model.webhook;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** A webhook delivery: {@code {"object": "whatsapp_business_account", "entry": [...]}}. */
public record WebhookPayload(String object, List<Entry> entry, @JsonAnySetter Map<String, JsonNode> other) {

    public static final String WHATSAPP_OBJECT = "whatsapp_business_account";

    public WebhookPayload {
        entry = entry == null ? List.of() : entry;
        other = other == null ? Map.of() : other;
    }

    /** One WhatsApp Business Account's changes. */
    public record Entry(String id, List<Change> changes, @JsonAnySetter Map<String, JsonNode> other) {
        public Entry {
            changes = changes == null ? List.of() : changes;
            other = other == null ? Map.of() : other;
        }
    }

    /**
     * One change. {@code value} stays raw JSON: for {@code field == "messages"} read it as
     * {@link MessagesValue}; other fields are passed on verbatim.
     */
    public record Change(String field, JsonNode value) {
    }
}
