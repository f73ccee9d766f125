package io.wabridge.ingress.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wabridge.model.ConversationKey;
import io.wabridge.model.EventIds;
import io.wabridge.model.Json;
import io.wabridge.model.event.InboundEvent;
import io.wabridge.model.event.InboundKind;
import io.wabridge.support.endpoint.Endpoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhook fields that tell wabridge someone else answers on WhatsApp's side
 * ({@code docs/whatsapp.md}, "Other responders"), as inbound events for the conversation they
 * belong to, keyed like the user's own messages:
 * <ul>
 *   <li>{@code smb_message_echoes}: each {@code message_echoes[]} item, a message a person sent from
 *       the WhatsApp Business app to the user in {@code to}: {@link InboundKind#ECHO}</li>
 *   <li>{@code messaging_handovers}: the notification ({@code type} {@code control_passed} or
 *       {@code control_taken}): {@link InboundKind#THREAD_CONTROL}</li>
 *   <li>{@code standby}: each {@code messages[]} (the user's) and {@code message_echoes[]} (the owning
 *       app's) item: {@link InboundKind#STANDBY}, {@code data.standby} naming the array</li>
 * </ul>
 * The change itself is still kept on {@code whatsapp.changes} by the splitter; an item whose user
 * cannot be found stays there only.
 */
final class OtherResponders {

    private static final Logger log = LoggerFactory.getLogger(OtherResponders.class);

    static final String ECHOES_FIELD = "smb_message_echoes";
    static final String HANDOVERS_FIELD = "messaging_handovers";
    static final String STANDBY_FIELD = "standby";
    static final Set<String> FIELDS = Set.of(ECHOES_FIELD, HANDOVERS_FIELD, STANDBY_FIELD);

    private static final String MESSAGES = "messages";
    private static final String ECHOES = "message_echoes";
    /** Where a thread control notification may name its user, tried in order after {@code contacts[]}. */
    private static final List<String> USER_FIELDS = List.of("user_id", "wa_id", "recipient_user_id", "recipient_id", "from");

    private OtherResponders() {
    }

    /** The value's {@code metadata.phone_number_id}, or null. */
    static String phoneNumberId(JsonNode value) {
        String id = value.path("metadata").path("phone_number_id").asText(null);
        return id == null || id.isBlank() ? null : id;
    }

    /** The inbound events of one change of a field in {@link #FIELDS}; those without a user are left out. */
    static List<InboundEvent> events(String field, JsonNode value, Endpoint endpoint, Instant receivedAt) {
        String phoneNumberId = phoneNumberId(value);
        List<InboundEvent> events = new ArrayList<>();
        switch (field) {
            case ECHOES_FIELD -> value.path(ECHOES).forEach(echo ->
                    add(events, field, InboundKind.ECHO, endpoint, phoneNumberId, value, echo, recipient(echo, value), null, receivedAt));
            case HANDOVERS_FIELD -> add(events, field, InboundKind.THREAD_CONTROL, endpoint, phoneNumberId, value, value,
                    notifiedUser(value), null, receivedAt);
            case STANDBY_FIELD -> {
                value.path(MESSAGES).forEach(message -> add(events, field, InboundKind.STANDBY, endpoint, phoneNumberId, value,
                        message, sender(message), standbyData(MESSAGES), receivedAt));
                value.path(ECHOES).forEach(echo -> add(events, field, InboundKind.STANDBY, endpoint, phoneNumberId, value,
                        echo, recipient(echo, value), standbyData(ECHOES), receivedAt));
            }
            default -> throw new IllegalArgumentException("not a responder field: " + field);
        }
        return events;
    }

    private static void add(List<InboundEvent> events, String field, InboundKind kind, Endpoint endpoint, String phoneNumberId,
                            JsonNode value, JsonNode item, String user, JsonNode data, Instant receivedAt) {
        if (user == null || !item.isObject()) {
            // Meta's pages leave open where some of these name their user: say so, never guess.
            log.warn("A {} item for phone number {} names no user wabridge can find; kept on the changes topic only",
                    field, phoneNumberId);
            return;
        }
        String wamid = text(item, "id");
        boolean notification = kind == InboundKind.THREAD_CONTROL;
        String type = text(item, "type");
        String key = new ConversationKey(phoneNumberId, user).toString();
        JsonNode contact = contactOf(value, user);
        events.add(new InboundEvent(
                InboundEvent.SCHEMA_VERSION,
                EventIds.responderActivity(field, phoneNumberId, notification || wamid == null ? item.toString() : wamid),
                kind,
                endpoint.id(),
                phoneNumberId,
                key,
                user,
                notification ? null : wamid,
                type,
                DeliverySplitter.epochSeconds(text(item, "timestamp")),
                receivedAt,
                contact == null ? null : contact.path("profile").path("name").asText(null),
                null, data, null,
                item,
                contact,
                value.get("metadata")));
    }

    /**
     * The user an echo went to, keyed as messages are (docs/events.md, "Conversation key"): its
     * {@code to_user_id}, else its {@code to} (a phone number, its {@code +} dropped; the processor
     * forwards it to the business-scoped conversation that claimed that number), else the contact.
     */
    private static String recipient(JsonNode echo, JsonNode value) {
        String userId = text(echo, "to_user_id");
        if (userId != null) {
            return userId;
        }
        String to = text(echo, "to");
        if (to != null) {
            to = to.startsWith("+") ? to.substring(1) : to;
            return to.isBlank() ? null : to;
        }
        return contactUser(value);
    }

    /** The sender of a user message, as for {@code messages}: the business-scoped id, else {@code from}. */
    private static String sender(JsonNode message) {
        for (String name : List.of("from_user_id", "user_id", "from")) {
            String id = text(message, name);
            if (id != null) {
                return id;
            }
        }
        return null;
    }

    /** The user of a thread control notification: {@code contacts[]}, else a user field of its object or of the value. */
    private static String notifiedUser(JsonNode value) {
        String fromContacts = contactUser(value);
        if (fromContacts != null) {
            return fromContacts;
        }
        JsonNode notification = value.path(value.path("type").asText(""));
        for (JsonNode node : List.of(notification, value)) {
            for (String name : USER_FIELDS) {
                String id = text(node, name);
                if (id != null) {
                    return id;
                }
            }
        }
        return null;
    }

    private static String contactUser(JsonNode value) {
        JsonNode contact = value.path("contacts").path(0);
        String userId = text(contact, "user_id");
        return userId != null ? userId : text(contact, "wa_id");
    }

    private static JsonNode contactOf(JsonNode value, String user) {
        for (JsonNode contact : value.path("contacts")) {
            if (user.equals(text(contact, "wa_id")) || user.equals(text(contact, "user_id"))) {
                return contact;
            }
        }
        return null;
    }

    private static JsonNode standbyData(String array) {
        ObjectNode data = Json.mapper().createObjectNode();
        data.put("standby", array);
        return data;
    }

    private static String text(JsonNode node, String name) {
        JsonNode field = node.get(name);
        if (field == null || !field.isValueNode()) {
            return null;
        }
        String text = field.asText();
        return text.isBlank() ? null : text;
    }
}
