package io.wabridge.transformer;

import java.util.Map;

/**
 * What goes to the flow (input, inject) or to the user (notify). As a hook's return value a
 * {@code null} field keeps wabridge's value, like {@code undefined} in a script; the values are
 * validated as Cognigy does (ids at most 256 characters, text at most 10 000).
 */
public record Input(String userId, String sessionId, String text, Map<String, Object> data) {

    /** Keeps everything: the same as returning {@code {}} from a script. */
    public static Input unchanged() {
        return new Input(null, null, null, null);
    }

    public Input withText(String value) {
        return new Input(userId, sessionId, value, data);
    }

    public Input withData(Map<String, Object> value) {
        return new Input(userId, sessionId, text, value);
    }
}
