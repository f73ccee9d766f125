package io.wabridge.transformer;

import java.util.Map;

/**
 * The argument of the input-side hooks, Cognigy's {@code {endpoint, request, response}}.
 *
 * @param body           {@code request.body}: the WhatsApp message item (input), or the inject / notify body
 * @param input          the values wabridge uses without the hook
 * @param sessionStorage {@code getSessionStorage(userId, sessionId)} for the input's user and
 *                       session: a mutable map, saved with the conversation when the hook returns
 */
public record InputRequest(Endpoint endpoint, Map<String, Object> body, Input input, Map<String, Object> sessionStorage) {
}
