package io.wabridge.model.webhook;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * A {@code messages[]} item. Exactly the body named by {@code type} is set; a type this version
 * does not know keeps its body in {@link #other()} under its own name.
 *
 * @param from       the sender's wa_id (may be absent for users with usernames)
 * @param fromUserId the sender's business-scoped user id ({@code CC.digits})
 * @param timestamp  unix seconds, as a string
 */
public record Message(
        String from,
        @JsonProperty("from_user_id") String fromUserId,
        @JsonProperty("user_id") String userId,
        String id,
        String timestamp,
        String type,
        Context context,
        Referral referral,
        Text text,
        Media image,
        Media video,
        Media document,
        Media audio,
        Media sticker,
        Location location,
        List<JsonNode> contacts,
        Interactive interactive,
        Button button,
        Reaction reaction,
        Order order,
        SystemChange system,
        List<WebhookError> errors,
        @JsonAnySetter Map<String, JsonNode> other) {

    public Message {
        contacts = contacts == null ? List.of() : contacts;
        errors = errors == null ? List.of() : errors;
        other = other == null ? Map.of() : other;
    }

    /**
     * The id the conversation is keyed on (docs/events.md, "Conversation key"): the business-scoped
     * user id, present in every message since spring 2026; the wa_id only in payloads older than
     * that. An identity change ({@code system} message) belongs to the conversation of the new
     * identity, which claims the old one's state from there.
     */
    public String senderId() {
        String changedTo = system == null ? null : system.changedTo();
        if (changedTo != null) {
            return changedTo;
        }
        if (fromUserId != null && !fromUserId.isBlank()) {
            return fromUserId;
        }
        if (userId != null && !userId.isBlank()) {
            return userId;
        }
        return from != null && !from.isBlank() ? from : null;
    }

    /** Replies and button clicks point back at the message they answer. */
    public record Context(
            String from,
            String id,
            Boolean forwarded,
            @JsonProperty("frequently_forwarded") Boolean frequentlyForwarded,
            @JsonProperty("referred_product") JsonNode referredProduct) {
    }

    /** Click-to-WhatsApp ad that started the conversation. */
    public record Referral(
            @JsonProperty("source_url") String sourceUrl,
            @JsonProperty("source_id") String sourceId,
            @JsonProperty("source_type") String sourceType,
            String headline,
            String body,
            @JsonProperty("media_type") String mediaType,
            @JsonProperty("image_url") String imageUrl,
            @JsonProperty("video_url") String videoUrl,
            @JsonProperty("thumbnail_url") String thumbnailUrl,
            @JsonProperty("ctwa_clid") String ctwaClid) {
    }

    public record Text(String body) {
    }

    /** image, video, document, audio, sticker: only the fields of the given type are set. */
    public record Media(
            String id,
            @JsonProperty("mime_type") String mimeType,
            String sha256,
            String caption,
            String filename,
            Boolean voice,
            Boolean animated) {
    }

    public record Location(Double latitude, Double longitude, String name, String address, String url) {
    }

    /** {@code button_reply}, {@code list_reply} or {@code nfm_reply} (WhatsApp Flows). */
    public record Interactive(
            String type,
            @JsonProperty("button_reply") Reply buttonReply,
            @JsonProperty("list_reply") Reply listReply,
            @JsonProperty("nfm_reply") FlowReply nfmReply) {

        public record Reply(String id, String title, String description) {
        }

        public record FlowReply(String name, String body, @JsonProperty("response_json") String responseJson) {
        }
    }

    /** A template quick-reply button click. */
    public record Button(String text, String payload) {
    }

    /** {@code emoji} absent means the reaction was removed. */
    public record Reaction(@JsonProperty("message_id") String messageId, String emoji) {
    }

    public record Order(
            @JsonProperty("catalog_id") String catalogId,
            String text,
            @JsonProperty("product_items") List<JsonNode> productItems) {
    }

    /**
     * The user changed number or identity ({@code user_changed_number}, {@code user_changed_user_id}):
     * the new ids, and since August 2026 the ones they replace.
     */
    public record SystemChange(
            String body,
            String type,
            @JsonProperty("wa_id") String waId,
            @JsonProperty("user_id") String userId,
            @JsonProperty("new_wa_id") String newWaId,
            @JsonProperty("parent_user_id") String parentUserId,
            @JsonProperty("previous_user_id") String previousUserId,
            @JsonProperty("previous_parent_user_id") String previousParentUserId) {

        /** The id the user changed to: the new business-scoped id, else the new number; null for other system messages. */
        public String changedTo() {
            if (!"user_changed_number".equals(type) && !"user_changed_user_id".equals(type)) {
                return null;
            }
            for (String id : new String[] {userId, waId, newWaId}) {
                if (id != null && !id.isBlank()) {
                    return id;
                }
            }
            return null;
        }
    }
}
