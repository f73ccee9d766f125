package io.wabridge.ingress.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.wabridge.model.ConversationKey;
import io.wabridge.model.EventIds;
import io.wabridge.model.Json;
import io.wabridge.model.UserIds;
import io.wabridge.model.event.ChangeEvent;
import io.wabridge.model.event.DeliveryStatus;
import io.wabridge.model.event.InboundEvent;
import io.wabridge.model.event.InboundKind;
import io.wabridge.model.event.QuarantineRecord;
import io.wabridge.model.event.StatusEvent;
import io.wabridge.model.event.StatusSource;
import io.wabridge.model.event.WhatsAppError;
import io.wabridge.model.webhook.Message;
import io.wabridge.model.webhook.MessagesValue;
import io.wabridge.model.webhook.MessagesValue.Contact;
import io.wabridge.model.webhook.Status;
import io.wabridge.model.webhook.WebhookError;
import io.wabridge.support.endpoint.Endpoint;
import io.wabridge.support.endpoint.Endpoints;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Splits a webhook delivery into one event per message, per status and per other change, in
 * delivery order. Every {@code entry[]}, {@code changes[]}, {@code messages[]} and
 * {@code statuses[]} is visited; nothing is dropped: what cannot become an event is quarantined.
 *
 * <p>Each {@code messages} change is attributed to the endpoint configured for its
 * {@code metadata.phone_number_id}; other fields to the endpoint named in the URL, if any. The
 * {@code smb_message_echoes}, {@code messaging_handovers} and {@code standby} changes of a
 * configured number are attributed to its endpoint and, besides their change event, become
 * inbound events of their conversations ({@link OtherResponders}).
 */
@Component
class DeliverySplitter {

    private static final String MESSAGES_FIELD = "messages";

    private final Endpoints endpoints;

    DeliverySplitter(Endpoints endpoints) {
        this.endpoints = endpoints;
    }

    /**
     * @param root         a parsed payload whose {@code object} is {@code whatsapp_business_account}
     * @param pathEndpoint the endpoint named in the URL, or null for the routed URL
     */
    SplitDelivery split(JsonNode root, Endpoint pathEndpoint, Instant receivedAt) {
        Split split = new Split(pathEndpoint, receivedAt);
        for (JsonNode entry : root.path("entry")) {
            String wabaId = entry.path("id").asText(null);
            for (JsonNode change : entry.path("changes")) {
                String field = change.path("field").asText("");
                JsonNode value = change.path("value");
                if (MESSAGES_FIELD.equals(field) && value.isObject()) {
                    split.messagesChange(wabaId, change, value);
                } else {
                    split.otherChange(wabaId, field, value);
                }
            }
        }
        return new SplitDelivery(split.items, split.endpointsUsed, split.unknownNumbers);
    }

    /** The state of one split; not shared between requests. */
    private final class Split {
        private final Endpoint pathEndpoint;
        private final Instant receivedAt;
        private final List<DeliveryItem> items = new ArrayList<>();
        private final Set<Endpoint> endpointsUsed = new LinkedHashSet<>();
        private final Set<String> unknownNumbers = new LinkedHashSet<>();

        Split(Endpoint pathEndpoint, Instant receivedAt) {
            this.pathEndpoint = pathEndpoint;
            this.receivedAt = receivedAt;
        }

        void messagesChange(String wabaId, JsonNode change, JsonNode value) {
            MessagesValue typed;
            try {
                typed = Json.mapper().treeToValue(value, MessagesValue.class);
            } catch (JsonProcessingException | IllegalArgumentException e) {
                quarantine(change, null, "messages change has an unreadable value: " + e.getMessage());
                return;
            }
            String phoneNumberId = typed.metadata() == null ? null : typed.metadata().phoneNumberId();
            if (phoneNumberId == null || phoneNumberId.isBlank()) {
                quarantine(change, null, "messages change has no metadata.phone_number_id");
                return;
            }
            Endpoint endpoint = endpoints.byPhoneNumberId(phoneNumberId).orElse(null);
            if (endpoint == null) {
                unknownNumbers.add(phoneNumberId);
                quarantine(change, phoneNumberId, "phone_number_id " + phoneNumberId + " is not configured");
                return;
            }
            endpointsUsed.add(endpoint);
            JsonNode rawMessages = value.path("messages");
            for (int i = 0; i < typed.messages().size(); i++) {
                message(endpoint, phoneNumberId, typed.contacts(), value, typed.messages().get(i), rawMessages.get(i));
            }
            JsonNode rawStatuses = value.path("statuses");
            for (int i = 0; i < typed.statuses().size(); i++) {
                status(endpoint, phoneNumberId, typed.statuses().get(i), rawStatuses.get(i));
            }
            if (!typed.errors().isEmpty() || (typed.messages().isEmpty() && typed.statuses().isEmpty())) {
                // Value-level errors (or a shape we do not know) are kept for whoever monitors them.
                changeEvent(endpoint.id(), wabaId, MESSAGES_FIELD, value);
            }
        }

        void otherChange(String wabaId, String field, JsonNode value) {
            Endpoint endpoint = OtherResponders.FIELDS.contains(field) && value.isObject()
                    ? responderEndpoint(value) : null;
            if (endpoint == null) {
                changeEvent(pathEndpoint == null ? null : pathEndpoint.id(), wabaId, field, value);
                return;
            }
            // Still kept where every other field is kept; the conversation's share goes to the processor too.
            endpointsUsed.add(endpoint);
            changeEvent(endpoint.id(), wabaId, field, value);
            for (InboundEvent event : OtherResponders.events(field, value, endpoint, receivedAt)) {
                items.add(new DeliveryItem(Destination.INBOUND, event.conversationKey(), event));
            }
        }

        /** The endpoint of an echo, handover or standby change's {@code metadata.phone_number_id}, or null. */
        private Endpoint responderEndpoint(JsonNode value) {
            String phoneNumberId = OtherResponders.phoneNumberId(value);
            return phoneNumberId == null || phoneNumberId.indexOf(':') >= 0 ? null
                    : endpoints.byPhoneNumberId(phoneNumberId).orElse(null);
        }

        private void message(Endpoint endpoint, String phoneNumberId, List<Contact> contacts, JsonNode value,
                Message message, JsonNode raw) {
            String sender = message.senderId();
            if (sender == null || message.id() == null || message.id().isBlank()) {
                quarantine(raw, phoneNumberId, "message has no sender id or no message id");
                return;
            }
            int contactIndex = contactIndex(contacts, sender);
            Contact contact = contactIndex < 0 ? null : contacts.get(contactIndex);
            if (!UserIds.isBusinessScoped(sender) && contact != null && UserIds.isBusinessScoped(contact.userId())) {
                // The business-scoped id keys the conversation wherever the webhook has it, here only in contacts[].
                sender = contact.userId();
            }
            String key = new ConversationKey(phoneNumberId, sender).toString();
            InboundEvent event = new InboundEvent(
                    InboundEvent.SCHEMA_VERSION,
                    EventIds.inboundMessage(phoneNumberId, message.id()),
                    InboundKind.MESSAGE,
                    endpoint.id(),
                    phoneNumberId,
                    key,
                    sender,
                    message.id(),
                    message.type(),
                    epochSeconds(message.timestamp()),
                    receivedAt,
                    contact == null || contact.profile() == null ? null : contact.profile().name(),
                    null, null, null,
                    raw,
                    contactIndex < 0 ? null : value.path("contacts").get(contactIndex),
                    value.get("metadata"));
            items.add(new DeliveryItem(Destination.INBOUND, key, event));
        }

        private void status(Endpoint endpoint, String phoneNumberId, Status status, JsonNode raw) {
            String recipient = status.conversationUserId();
            if (recipient == null || status.id() == null) {
                quarantine(raw, phoneNumberId, "status has no recipient or no message id");
                return;
            }
            String key = new ConversationKey(phoneNumberId, recipient).toString();
            StatusEvent event = new StatusEvent(
                    StatusEvent.SCHEMA_VERSION,
                    EventIds.status(status.id(), String.valueOf(status.status()), String.valueOf(status.timestamp())),
                    StatusSource.WEBHOOK,
                    endpoint.id(),
                    phoneNumberId,
                    key,
                    recipient,
                    status.id(),
                    null,
                    Json.mapper().convertValue(TextNode.valueOf(String.valueOf(status.status())), DeliveryStatus.class),
                    epochSeconds(status.timestamp()),
                    receivedAt,
                    status.bizOpaqueCallbackData(),
                    status.errors().stream().map(DeliverySplitter::toError).toList(),
                    raw);
            items.add(new DeliveryItem(Destination.STATUSES, key, event));
        }

        private void changeEvent(String endpointId, String wabaId, String field, JsonNode value) {
            String id = EventIds.change(String.valueOf(wabaId), field, value.toString());
            ChangeEvent event = new ChangeEvent(ChangeEvent.SCHEMA_VERSION, id, endpointId, wabaId, field, value, receivedAt);
            items.add(new DeliveryItem(Destination.CHANGES, wabaId == null ? field : wabaId, event));
        }

        private void quarantine(JsonNode item, String phoneNumberId, String reason) {
            String endpointId = pathEndpoint == null ? null : pathEndpoint.id();
            QuarantineRecord record = new QuarantineRecord(QuarantineRecord.SCHEMA_VERSION, UUID.randomUUID().toString(),
                    endpointId, phoneNumberId, reason, receivedAt, Map.of(), Json.toBytes(item));
            String key = phoneNumberId != null ? phoneNumberId : endpointId;
            items.add(new DeliveryItem(Destination.QUARANTINE, key, record));
        }
    }

    /** The sender's {@code contacts[]} item (by wa_id or user id; the only one if there is one), or -1. */
    private static int contactIndex(List<Contact> contacts, String sender) {
        for (int i = 0; i < contacts.size(); i++) {
            Contact contact = contacts.get(i);
            if (sender.equals(contact.waId()) || sender.equals(contact.userId())) {
                return i;
            }
        }
        return contacts.size() == 1 ? 0 : -1;
    }

    private static WhatsAppError toError(WebhookError error) {
        return new WhatsAppError(error.code(), error.title(), error.message(), error.details(), null);
    }

    /** A webhook's {@code timestamp} (unix seconds, as a string), or null when absent or not a number. */
    static Instant epochSeconds(String timestamp) {
        if (timestamp == null) {
            return null;
        }
        try {
            return Instant.ofEpochSecond(Long.parseLong(timestamp.trim()));
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
