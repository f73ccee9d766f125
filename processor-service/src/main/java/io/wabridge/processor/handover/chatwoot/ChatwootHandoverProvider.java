package io.wabridge.processor.handover.chatwoot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wabridge.model.Json;
import io.wabridge.model.event.HandoverEndReason;
import io.wabridge.model.settings.HandoverSettings;
import io.wabridge.processor.handover.HandoverCall;
import io.wabridge.processor.handover.HandoverProvider;
import io.wabridge.processor.handover.HandoverProviderException;
import io.wabridge.processor.handover.ProviderAnswer;
import io.wabridge.processor.handover.UserMessage;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code chatwoot} provider: a handover is a conversation in a Chatwoot API-channel inbox.
 * {@code start} finds or creates the contact (its {@code identifier} is {@code wabridge:<conversation key>})
 * and finds or creates the conversation (its {@code custom_attributes} name the wabridge endpoint,
 * user and handover, which is how the webhooks find the conversation again), and answers
 * {@code queued} with the Chatwoot conversation id as the handover's {@code providerRef}.
 * {@code forward} posts each user message as {@code incoming} (media as links), {@code end}
 * resolves the conversation. Agents' replies and the resolution come back through ingress's
 * Chatwoot webhook endpoint. Every step is find-or-create or harmless to repeat, except a
 * repeated {@code forward} after a lost answer, which can show a message twice in Chatwoot
 * (its message API takes no idempotency key).
 */
public final class ChatwootHandoverProvider implements HandoverProvider {

    /** The custom attributes wabridge sets on the Chatwoot conversation. */
    public static final String ENDPOINT_ATTRIBUTE = "wabridge_endpoint_id";
    public static final String USER_ATTRIBUTE = "wabridge_user_id";
    public static final String HANDOVER_ATTRIBUTE = "wabridge_handover_id";

    private final Map<HandoverSettings.Chatwoot, ChatwootClient> clients = new ConcurrentHashMap<>();

    @Override
    public String name() {
        return HandoverSettings.CHATWOOT;
    }

    @Override
    public ProviderAnswer start(HandoverCall call) {
        ChatwootClient chatwoot = client(call);
        long inboxId = inboxId(call);
        String identifier = "wabridge:" + call.context().conversationKey();
        JsonNode contact = chatwoot.contactByIdentifier(identifier).orElse(null);
        long contactId;
        String sourceId;
        if (contact == null) {
            ObjectNode attributes = Json.mapper().createObjectNode();
            attributes.put("whatsapp_user_id", call.context().userId());
            attributes.put("wabridge_endpoint_id", call.context().endpointId());
            JsonNode created = chatwoot.createContact(inboxId, name(call), identifier, attributes).path("payload");
            contactId = ChatwootClient.id("create contact", created.path("contact"));
            sourceId = created.path("contact_inbox").path("source_id").asText(null);
        } else {
            contactId = ChatwootClient.id("search contacts", contact);
            sourceId = sourceIdIn(contact, inboxId);
        }
        if (sourceId == null || sourceId.isBlank()) {
            sourceId = chatwoot.createContactInbox(contactId, inboxId).path("source_id").asText(null);
            if (sourceId == null || sourceId.isBlank()) {
                throw new HandoverProviderException("Chatwoot's contact inbox of contact " + contactId + " has no source_id");
            }
        }
        Long existing = conversationOf(chatwoot.contactConversations(contactId), call.handover().id());
        long conversationId = existing != null ? existing
                : chatwoot.createConversation(sourceId, inboxId, contactId, customAttributes(call));
        return ProviderAnswer.queued(null).withProviderRef(Long.toString(conversationId));
    }

    @Override
    public ProviderAnswer forward(HandoverCall call, UserMessage message) {
        client(call).postIncoming(conversationId(call), ChatwootContent.of(message));
        return ProviderAnswer.UNCHANGED;
    }

    @Override
    public ProviderAnswer end(HandoverCall call, HandoverEndReason reason) {
        client(call).resolve(conversationId(call));
        return ProviderAnswer.UNCHANGED;
    }

    private ChatwootClient client(HandoverCall call) {
        HandoverSettings.Chatwoot settings = call.settings().chatwoot();
        if (!settings.configured() || settings.apiAccessToken() == null || settings.accountId() == null) {
            throw new HandoverProviderException("endpoint " + call.context().endpointId() + " has no Chatwoot "
                    + "(wabridge.endpoints." + call.context().endpointId() + ".handover.chatwoot.*)");
        }
        return clients.computeIfAbsent(settings, ChatwootClient::new);
    }

    /** The start's {@code inboxId}, else the endpoint's {@code chatwoot.inbox-id}. */
    private static long inboxId(HandoverCall call) {
        JsonNode given = call.handover().providerData() == null ? null : call.handover().providerData().get("inboxId");
        if (given != null && given.canConvertToLong() && given.asLong() > 0) {
            return given.asLong();
        }
        if (given != null && given.isTextual() && given.asText().matches("\\d+")) {
            return Long.parseLong(given.asText());
        }
        Long configured = call.settings().chatwoot().inboxId();
        if (configured == null) {
            throw new HandoverProviderException("no Chatwoot inbox: neither the start's inboxId nor chatwoot.inbox-id is set");
        }
        return configured;
    }

    private static String name(HandoverCall call) {
        String name = call.context().contactName();
        return name == null || name.isBlank() ? "+" + call.context().userId() : name;
    }

    private static String sourceIdIn(JsonNode contact, long inboxId) {
        for (JsonNode contactInbox : contact.path("contact_inboxes")) {
            if (contactInbox.path("inbox").path("id").asLong(-1) == inboxId) {
                return contactInbox.path("source_id").asText(null);
            }
        }
        return null;
    }

    /** A conversation an earlier attempt of this start created (its answer was lost), so a retry makes no second one. */
    private static Long conversationOf(JsonNode conversations, String handoverId) {
        for (JsonNode conversation : conversations) {
            if (handoverId.equals(conversation.path("custom_attributes").path(HANDOVER_ATTRIBUTE).asText(null))) {
                return ChatwootClient.id("list contact conversations", conversation);
            }
        }
        return null;
    }

    private static ObjectNode customAttributes(HandoverCall call) {
        ObjectNode attributes = Json.mapper().createObjectNode();
        attributes.put(ENDPOINT_ATTRIBUTE, call.context().endpointId());
        attributes.put(USER_ATTRIBUTE, call.context().userId());
        attributes.put(HANDOVER_ATTRIBUTE, call.handover().id());
        return attributes;
    }

    private static long conversationId(HandoverCall call) {
        String ref = call.handover().providerRef();
        if (ref == null || !ref.matches("\\d+")) {
            throw new HandoverProviderException("handover " + call.handover().id() + " has no Chatwoot conversation");
        }
        return Long.parseLong(ref);
    }
}
