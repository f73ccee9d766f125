package io.wabridge.processor.handover;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A user's message for the agent side.
 *
 * @param sequence    1, 2, 3… within the handover, in the order the user wrote
 * @param messageId   the wamid
 * @param messageType the WhatsApp type ({@code text}, {@code image}, {@code location}…)
 * @param text        the message as text, as the flow would have received it (a caption, a button title…)
 * @param data        the message as flow data: media ids and, when {@code media-urls} are on, download URLs
 * @param message     the webhook's {@code messages[]} item, verbatim
 */
public record UserMessage(long sequence, String messageId, String messageType, String text, JsonNode data, JsonNode message) {
}
