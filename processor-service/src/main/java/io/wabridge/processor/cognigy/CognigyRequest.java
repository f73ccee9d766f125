package io.wabridge.processor.cognigy;

import com.fasterxml.jackson.databind.JsonNode;

/** The REST Endpoint's request body; {@code text} may be null when {@code data} says it all. */
public record CognigyRequest(String userId, String sessionId, String text, JsonNode data) {
}
