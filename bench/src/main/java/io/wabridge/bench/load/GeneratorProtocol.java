package io.wabridge.bench.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The generator's standard input carries one {@link LoadPhase} as JSON per line ({@code exit}
 * ends it); its standard output carries {@code READY} once, then {@code RESULT <json>} per phase.
 * Its logs go to standard error.
 */
final class GeneratorProtocol {

    static final String READY = "READY";
    static final String RESULT = "RESULT ";
    static final String EXIT = "exit";

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private GeneratorProtocol() {
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value, e);
        }
    }

    static <T> T read(String line, Class<T> type) {
        try {
            return JSON.readValue(line, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot read a " + type.getSimpleName() + " from " + line, e);
        }
    }
}
