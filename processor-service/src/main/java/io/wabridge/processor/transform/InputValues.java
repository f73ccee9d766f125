package io.wabridge.processor.transform;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** What an input (message, inject or notify) carries to the flow or the user; {@code text} may be null. */
public record InputValues(String userId, String sessionId, String text, ObjectNode data) {
}
