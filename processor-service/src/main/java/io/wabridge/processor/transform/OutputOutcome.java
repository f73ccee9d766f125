package io.wabridge.processor.transform;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The outcome of {@code handleOutput} for one output.
 *
 * @param dropReason  null = send; else why the output is dropped ({@code falsy}, or the error's reason)
 * @param replacement the WhatsApp message (an object, or an array of them) to send instead; null = the processed output
 * @param storage     the session storage after the call; null = unchanged
 */
public record OutputOutcome(String dropReason, JsonNode replacement, JsonNode storage) {

    public boolean dropped() {
        return dropReason != null;
    }
}
