package io.wabridge.processor.transform;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a hook returned, before validation: Cognigy tells {@code undefined} (keep) from any other
 * falsy value (stop) from a value.
 *
 * @param value   the value when {@code kind} is {@link Kind#VALUE}
 * @param storage the session storage after the call ({@code {userId, sessionId, value}}); null = not used
 */
record HookResult(Kind kind, JsonNode value, JsonNode storage) {

    enum Kind { UNDEFINED, FALSY, VALUE }
}
