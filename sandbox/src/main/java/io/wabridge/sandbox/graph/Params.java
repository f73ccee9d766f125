package io.wabridge.sandbox.graph;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Small checks over a request body, each throwing Meta's error for a breach. Paths are written
 * the way Graph names them in its errors ({@code interactive['body']['text']}).
 */
final class Params {

    private Params() {
    }

    static String path(String parent, String field) {
        return parent == null ? field : parent + "['" + field + "']";
    }

    /** The object (or array) {@code field} of {@code node}; 131008 when absent. */
    static JsonNode require(JsonNode node, String parent, String field) {
        JsonNode child = node == null ? null : node.get(field);
        if (child == null || child.isNull() || child.isMissingNode()) {
            throw new GraphApiException(GraphError.missing(path(parent, field)));
        }
        return child;
    }

    /** A non-empty string; 131008 when absent or empty. */
    static String requireText(JsonNode node, String parent, String field) {
        JsonNode child = require(node, parent, field);
        if (!child.isValueNode() || child.asText().isEmpty()) {
            throw new GraphApiException(GraphError.missing(path(parent, field)));
        }
        return child.asText();
    }

    /** An optional string, null when absent. */
    static String optionalText(JsonNode node, String field) {
        JsonNode child = node == null ? null : node.get(field);
        return child == null || child.isNull() ? null : child.asText();
    }

    /** Length in characters (code points), as a user would count them. */
    static int length(String text) {
        return text == null ? 0 : text.codePointCount(0, text.length());
    }

    /** 100 when an optional string is longer than {@code max}. */
    static void maxLength(JsonNode node, String parent, String field, int max) {
        String text = optionalText(node, field);
        if (length(text) > max) {
            throw new GraphApiException(GraphError.tooLong(path(parent, field), max));
        }
    }

    static boolean isHttpUrl(String value) {
        return value != null && (value.startsWith("https://") || value.startsWith("http://")) && value.length() > 8;
    }
}
