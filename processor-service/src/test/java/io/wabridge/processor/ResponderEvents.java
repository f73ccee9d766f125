package io.wabridge.processor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wabridge.model.EventIds;
import io.wabridge.model.Fixtures;
import io.wabridge.model.Json;
import io.wabridge.model.event.InboundEvent;
import io.wabridge.model.event.InboundKind;
import java.time.Instant;

/**
 * Inbound events of WhatsApp's other responders as ingress writes them, each built from the item
 * of Meta's documented webhook shape in common-model ({@code webhook/smb-message-echoes.json},
 * {@code webhook/messaging-handovers.json}, {@code webhook/standby.json}) for a given user.
 */
public final class ResponderEvents {

    private ResponderEvents() {
    }

    /** A person answered {@code userId} from the WhatsApp Business app, received at {@code at}. */
    public static InboundEvent echo(String phoneNumberId, String userId, String wamid, Instant at) {
        JsonNode value = value("webhook/smb-message-echoes.json", 0);
        ObjectNode echo = ((ObjectNode) value.path("message_echoes").path(0).deepCopy()).put("to", "+" + userId).put("id", wamid);
        return event(InboundKind.ECHO, "smb_message_echoes", phoneNumberId, userId, wamid, "text", echo, null, value, at);
    }

    /** A {@code control_taken} (0) or {@code control_passed} (1) notification about {@code userId}'s thread. */
    public static InboundEvent threadControl(String phoneNumberId, String userId, String type, Instant at) {
        JsonNode value = value("webhook/messaging-handovers.json", "control_taken".equals(type) ? 0 : 1);
        ObjectNode notification = value.deepCopy();
        ((ObjectNode) notification.path("contacts").path(0)).put("wa_id", userId);
        notification.put("timestamp", Long.toString(at.getEpochSecond()));
        return event(InboundKind.THREAD_CONTROL, "messaging_handovers", phoneNumberId, userId, null, type, notification, null, value,
                at);
    }

    /** A standby copy: of the user's own message ({@code messages}) or the owning app's ({@code message_echoes}). */
    public static InboundEvent standby(String phoneNumberId, String userId, String wamid, String array, Instant at) {
        JsonNode value = value("webhook/standby.json", 0);
        ObjectNode item = ((ObjectNode) value.path(array).path(0).deepCopy()).put("id", wamid);
        item.put("messages".equals(array) ? "from" : "to", userId);
        ObjectNode data = Json.mapper().createObjectNode().put("standby", array);
        return event(InboundKind.STANDBY, "standby", phoneNumberId, userId, wamid, "text", item, data, value, at);
    }

    private static JsonNode value(String fixture, int change) {
        return Fixtures.tree(fixture).path("entry").path(0).path("changes").path(change).path("value");
    }

    private static InboundEvent event(InboundKind kind, String field, String phoneNumberId, String userId, String wamid,
                                      String type, JsonNode item, JsonNode data, JsonNode value, Instant at) {
        ObjectNode metadata = ((ObjectNode) value.path("metadata").deepCopy()).put("phone_number_id", phoneNumberId);
        String id = EventIds.responderActivity(field, phoneNumberId, wamid != null ? wamid : item.toString());
        return new InboundEvent(InboundEvent.SCHEMA_VERSION, id, kind, null, phoneNumberId, phoneNumberId + ":" + userId, userId,
                wamid, type, at.minusMillis(500), at, null, null, data, null, item, null, metadata);
    }
}
