package io.wabridge.ingress.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of {@code /inject} and {@code /notify}: Cognigy's {@code {userId, sessionId, text, data}}.
 *
 * @param userId    the user's WhatsApp id (wa_id or business-scoped id)
 * @param sessionId optional: the session to address; the current one when absent
 */
record InjectRequest(String userId, String sessionId, String text, JsonNode data) {

    static final int MAX_ID_LENGTH = 256;
    static final int MAX_TEXT_LENGTH = 10_000;

    /** Cognigy's own limits: ids ≤ 256 chars, text ≤ 10,000 chars, data an object, text or data present. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (userId == null || userId.isBlank()) {
            problems.add("userId is required");
        } else if (userId.length() > MAX_ID_LENGTH) {
            problems.add("userId must be at most " + MAX_ID_LENGTH + " characters");
        }
        if (sessionId != null && sessionId.length() > MAX_ID_LENGTH) {
            problems.add("sessionId must be at most " + MAX_ID_LENGTH + " characters");
        }
        boolean hasText = text != null && !text.isEmpty();
        boolean hasData = data != null && !data.isNull();
        if (!hasText && !hasData) {
            problems.add("text or data is required");
        }
        if (text != null && text.length() > MAX_TEXT_LENGTH) {
            problems.add("text must be at most " + MAX_TEXT_LENGTH + " characters");
        }
        if (hasData && !data.isObject()) {
            problems.add("data must be a JSON object");
        }
        return problems;
    }
}
