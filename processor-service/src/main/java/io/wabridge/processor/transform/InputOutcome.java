package io.wabridge.processor.transform;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The outcome of an input-side hook ({@code handleInput}, {@code handleInject}, {@code handleNotify}).
 *
 * @param stopReason null = go on with {@code values}; else why the message stops ({@code falsy},
 *                   or the error's reason when {@code abort-on-error} is on)
 * @param values     the values to go on with: the transformed ones, or the original on an ignored error
 * @param storage    the session storage after the call; null = unchanged
 */
public record InputOutcome(String stopReason, InputValues values, JsonNode storage) {

    public boolean stopped() {
        return stopReason != null;
    }
}
