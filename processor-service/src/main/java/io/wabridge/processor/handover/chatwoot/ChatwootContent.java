package io.wabridge.processor.handover.chatwoot;

import com.fasterxml.jackson.databind.JsonNode;
import io.wabridge.processor.handover.UserMessage;

/**
 * A user's WhatsApp message as the text of a Chatwoot message: its text (a caption, a button's
 * title…) and, for media, a line with the media's download URL when the endpoint's
 * {@code media-urls} are on, else its WhatsApp media id (Chatwoot attachments would need the file
 * uploaded; a link keeps the order and the turn short).
 */
final class ChatwootContent {

    private ChatwootContent() {
    }

    static String of(UserMessage message) {
        StringBuilder content = new StringBuilder();
        if (message.text() != null && !message.text().isBlank()) {
            content.append(message.text());
        }
        JsonNode media = message.data() == null ? null : message.data().get("media");
        if (media != null && media.isObject()) {
            String link = media.path("url").isTextual() ? media.path("url").asText()
                    : media.path("id").isTextual() ? "WhatsApp media id " + media.path("id").asText() : null;
            if (link != null) {
                if (!content.isEmpty()) {
                    content.append('\n');
                }
                content.append('[').append(message.messageType()).append("] ").append(link);
            }
        }
        if (content.isEmpty()) {
            content.append('[').append(message.messageType()).append(']');
        }
        return content.toString();
    }
}
