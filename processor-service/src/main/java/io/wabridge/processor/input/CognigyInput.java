package io.wabridge.processor.input;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The {@code text} and {@code data} of one Cognigy REST Endpoint call; {@code text} may be null. */
public record CognigyInput(String text, ObjectNode data) {
}
