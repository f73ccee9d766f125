package io.wabridge.processor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wabridge.model.EventIds;
import io.wabridge.model.Fixtures;
import io.wabridge.model.Json;
import io.wabridge.model.event.InboundEvent;
import io.wabridge.model.event.InboundKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Inbound events as ingress writes them, built from the shared sample webhook or by hand. */
public final class TestEvents {

    public static final String ENDPOINT = "demo";
    public static final String PHONE_NUMBER_ID = "106540352242922";
    public static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    private TestEvents() {
    }

    /** Every {@code messages[]} item of the sample delivery, sent by {@code userId}. */
    public static List<InboundEvent> allMessageTypes(String userId) {
        JsonNode value = Fixtures.tree("webhook/all-message-types.json").path("entry").path(0).path("changes").path(0).path("value");
        ObjectNode contact = ((ObjectNode) value.path("contacts").path(0).deepCopy()).put("wa_id", userId);
        List<InboundEvent> events = new ArrayList<>();
        int second = 0;
        for (JsonNode item : value.path("messages")) {
            ObjectNode message = ((ObjectNode) item.deepCopy()).put("from", userId);
            events.add(message(PHONE_NUMBER_ID, userId, message, contact, value.path("metadata"), T0.plusSeconds(second++)));
        }
        return events;
    }

    /** The edits and revokes of {@code webhook/user-changes.json} (Meta's documented shapes), from {@code userId} on {@code phoneNumberId}. */
    public static List<InboundEvent> userChanges(String phoneNumberId, String userId) {
        JsonNode value = Fixtures.tree("webhook/user-changes.json").path("entry").path(0).path("changes").path(0).path("value");
        ObjectNode contact = ((ObjectNode) value.path("contacts").path(0).deepCopy()).put("wa_id", userId);
        ObjectNode metadata = ((ObjectNode) value.path("metadata").deepCopy()).put("phone_number_id", phoneNumberId);
        List<InboundEvent> events = new ArrayList<>();
        for (JsonNode item : value.path("messages")) {
            ObjectNode message = ((ObjectNode) item.deepCopy()).put("from", userId).put("id", item.path("id").asText() + "-" + userId);
            events.add(message(phoneNumberId, userId, message, contact, metadata, Instant.now()));
        }
        return events;
    }

    /** The sample message with id {@code wamid.<suffix>} of {@link #allMessageTypes}. */
    public static InboundEvent sample(String userId, String suffix) {
        return allMessageTypes(userId).stream().filter(e -> e.messageId().equals("wamid." + suffix)).findFirst().orElseThrow();
    }

    /** A text message {@code wamid} from {@code userId} on {@code phoneNumberId}, received at {@code at}. */
    public static InboundEvent text(String phoneNumberId, String userId, String wamid, String body, Instant at) {
        ObjectNode message = Json.mapper().createObjectNode();
        message.put("from", userId).put("id", wamid).put("timestamp", Long.toString(at.getEpochSecond())).put("type", "text");
        message.putObject("text").put("body", body);
        ObjectNode contact = Json.mapper().createObjectNode();
        contact.putObject("profile").put("name", "Test User");
        contact.put("wa_id", userId);
        ObjectNode metadata = Json.mapper().createObjectNode().put("display_phone_number", "15550000000")
                .put("phone_number_id", phoneNumberId);
        return message(phoneNumberId, userId, message, contact, metadata, at);
    }

    /**
     * A text message as Meta sends it since 2026: keyed on the business-scoped id {@code bsuid}
     * ({@code from_user_id}, {@code contacts[].user_id}), with the phone number in {@code from} and
     * {@code wa_id} only when {@code phone} is not null, and a username when {@code username} is not null.
     */
    public static InboundEvent scopedText(String phoneNumberId, String bsuid, String phone, String username, String wamid,
                                          String body, Instant at) {
        ObjectNode message = Json.mapper().createObjectNode();
        if (phone != null) {
            message.put("from", phone);
        }
        message.put("from_user_id", bsuid).put("id", wamid).put("timestamp", Long.toString(at.getEpochSecond())).put("type", "text");
        message.putObject("text").put("body", body);
        ObjectNode contact = Json.mapper().createObjectNode();
        ObjectNode profile = contact.putObject("profile").put("name", "Test User");
        if (username != null) {
            profile.put("username", username);
        }
        if (phone != null) {
            contact.put("wa_id", phone);
        }
        contact.put("user_id", bsuid);
        ObjectNode metadata = Json.mapper().createObjectNode().put("display_phone_number", "15550000000")
                .put("phone_number_id", phoneNumberId);
        return message(phoneNumberId, bsuid, message, contact, metadata, at);
    }

    /**
     * A {@code system} message of an identity change, as Meta documents it since August 2026
     * (docs/whatsapp.md, "Identity"); ingress keys it on the new identity, {@code newBsuid}.
     */
    public static InboundEvent identityChange(String phoneNumberId, String type, String previousBsuid, String newBsuid,
                                              String newPhone, String wamid, Instant at) {
        ObjectNode message = Json.mapper().createObjectNode();
        message.put("from_user_id", previousBsuid).put("id", wamid).put("timestamp", Long.toString(at.getEpochSecond()))
                .put("type", "system");
        ObjectNode system = message.putObject("system").put("body", "User changed").put("type", type)
                .put("user_id", newBsuid).put("previous_user_id", previousBsuid);
        if (newPhone != null) {
            system.put("wa_id", newPhone);
        }
        ObjectNode metadata = Json.mapper().createObjectNode().put("display_phone_number", "15550000000")
                .put("phone_number_id", phoneNumberId);
        return message(phoneNumberId, newBsuid, message, Json.mapper().createObjectNode(), metadata, at);
    }

    /** A reply button tap: the button's {@code id} (the flow's payload) and the {@code title} the user saw. */
    public static InboundEvent buttonReply(String phoneNumberId, String userId, String wamid, String id, String title, Instant at) {
        ObjectNode message = Json.mapper().createObjectNode();
        message.put("from", userId).put("id", wamid).put("timestamp", Long.toString(at.getEpochSecond())).put("type", "interactive");
        ObjectNode interactive = message.putObject("interactive").put("type", "button_reply");
        interactive.putObject("button_reply").put("id", id).put("title", title);
        ObjectNode contact = Json.mapper().createObjectNode();
        contact.putObject("profile").put("name", "Test User");
        contact.put("wa_id", userId);
        ObjectNode metadata = Json.mapper().createObjectNode().put("display_phone_number", "15550000000")
                .put("phone_number_id", phoneNumberId);
        return message(phoneNumberId, userId, message, contact, metadata, at);
    }

    private static InboundEvent message(String phoneNumberId, String userId, JsonNode message, JsonNode contact,
                                        JsonNode metadata, Instant at) {
        String wamid = message.path("id").asText();
        return new InboundEvent(InboundEvent.SCHEMA_VERSION, EventIds.inboundMessage(phoneNumberId, wamid), InboundKind.MESSAGE,
                endpointFor(phoneNumberId), phoneNumberId, phoneNumberId + ":" + userId, userId, wamid,
                message.path("type").asText(), at.minusMillis(500), at, contact.path("profile").path("name").asText(null),
                null, null, null, message, contact, metadata);
    }

    private static String endpointFor(String phoneNumberId) {
        return switch (phoneNumberId) {
            case PHONE_NUMBER_ID -> ENDPOINT;
            case "2002" -> "reader";
            case "3003" -> "down";
            case "4004" -> "plain";
            case "5005" -> "masked";
            case "6006" -> "transformed";
            case "7007" -> "strict";
            case "9011" -> "translated";
            case "9012" -> "untranslatable";
            case "8008" -> "java-demo";
            case "9031" -> "by-phone";
            case "9013" -> "desk";
            case "9014" -> "quiet";
            case "9015" -> "unreachable";
            case "9016" -> "mirrored";
            default -> "unknown";
        };
    }
}
