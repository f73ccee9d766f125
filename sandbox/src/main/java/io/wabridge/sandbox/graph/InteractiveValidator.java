package io.wabridge.sandbox.graph;

import static io.wabridge.sandbox.graph.Params.isHttpUrl;
import static io.wabridge.sandbox.graph.Params.length;
import static io.wabridge.sandbox.graph.Params.maxLength;
import static io.wabridge.sandbox.graph.Params.optionalText;
import static io.wabridge.sandbox.graph.Params.require;
import static io.wabridge.sandbox.graph.Params.requireText;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;

/**
 * The limits of interactive messages (reply buttons, lists, CTA URL buttons), where conversions
 * from Cognigy's rich outputs most often go wrong: too many buttons, titles too long, duplicates.
 */
final class InteractiveValidator {

    static final int BUTTON_BODY_MAX = 1024;
    static final int LIST_BODY_MAX = 4096;
    static final int FOOTER_MAX = 60;
    static final int HEADER_TEXT_MAX = 60;
    static final int MAX_BUTTONS = 3;
    static final int BUTTON_TITLE_MAX = 20;
    static final int BUTTON_ID_MAX = 256;
    static final int LIST_BUTTON_MAX = 20;
    static final int MAX_SECTIONS = 10;
    static final int MAX_ROWS = 10;
    static final int ROW_TITLE_MAX = 24;
    static final int ROW_DESCRIPTION_MAX = 72;
    static final int ROW_ID_MAX = 200;
    static final int SECTION_TITLE_MAX = 24;
    static final int CTA_DISPLAY_TEXT_MAX = 20;

    /** Types Meta knows that the sandbox accepts without looking inside (wabridge does not produce them). */
    private static final Set<String> UNCHECKED = Set.of("flow", "product", "product_list", "catalog_message",
            "location_request_message", "address_message", "call_permission_request", "voice_call");

    private InteractiveValidator() {
    }

    static void validate(JsonNode interactive) {
        String type = requireText(interactive, "interactive", "type");
        switch (type) {
            case "button" -> button(interactive);
            case "list" -> list(interactive);
            case "cta_url" -> ctaUrl(interactive);
            default -> {
                if (!UNCHECKED.contains(type)) {
                    throw new GraphApiException(GraphError.invalidParameter("Param interactive['type'] must be one of "
                            + "{BUTTON, LIST, CTA_URL, FLOW, PRODUCT, PRODUCT_LIST, CATALOG_MESSAGE, "
                            + "LOCATION_REQUEST_MESSAGE, ADDRESS_MESSAGE} - got \"" + type + "\"."));
                }
                require(interactive, "interactive", "action");
            }
        }
    }

    private static void button(JsonNode interactive) {
        body(interactive, BUTTON_BODY_MAX);
        footer(interactive);
        header(interactive, true);
        JsonNode buttons = require(require(interactive, "interactive", "action"), "interactive['action']", "buttons");
        if (!buttons.isArray() || buttons.size() < 1 || buttons.size() > MAX_BUTTONS) {
            throw new GraphApiException(GraphError.invalidValue(
                    "Invalid buttons count. Min allowed buttons: 1, Max allowed buttons: " + MAX_BUTTONS + "."));
        }
        Set<String> ids = new HashSet<>();
        Set<String> titles = new HashSet<>();
        for (int i = 0; i < buttons.size(); i++) {
            String path = "interactive['action']['buttons'][" + i + "]";
            JsonNode button = buttons.get(i);
            if (!"reply".equals(optionalText(button, "type"))) {
                throw new GraphApiException(GraphError.invalidValue(path + "['type'] must be \"reply\"."));
            }
            JsonNode reply = require(button, path, "reply");
            String id = requireText(reply, path + "['reply']", "id");
            String title = requireText(reply, path + "['reply']", "title");
            if (length(id) > BUTTON_ID_MAX) {
                throw new GraphApiException(GraphError.invalidValue(
                        "Button ID length invalid. Min length: 1, Max length: " + BUTTON_ID_MAX + "."));
            }
            if (length(title) > BUTTON_TITLE_MAX) {
                throw new GraphApiException(GraphError.invalidValue(
                        "Button title length invalid. Min length: 1, Max length: " + BUTTON_TITLE_MAX + "."));
            }
            if (!ids.add(id)) {
                throw new GraphApiException(GraphError.invalidValue("Button IDs must be unique: \"" + id + "\" is repeated."));
            }
            if (!titles.add(title)) {
                throw new GraphApiException(GraphError.invalidValue(
                        "Button titles must be unique: \"" + title + "\" is repeated."));
            }
        }
    }

    private static void list(JsonNode interactive) {
        body(interactive, LIST_BODY_MAX);
        footer(interactive);
        header(interactive, false);
        JsonNode action = require(interactive, "interactive", "action");
        String label = requireText(action, "interactive['action']", "button");
        if (length(label) > LIST_BUTTON_MAX) {
            throw new GraphApiException(GraphError.invalidValue(
                    "Button label length invalid. Min length: 1, Max length: " + LIST_BUTTON_MAX + "."));
        }
        JsonNode sections = require(action, "interactive['action']", "sections");
        if (!sections.isArray() || sections.isEmpty() || sections.size() > MAX_SECTIONS) {
            throw new GraphApiException(GraphError.invalidValue(
                    "Invalid number of sections. Min allowed: 1, Max allowed: " + MAX_SECTIONS + "."));
        }
        int rowCount = 0;
        Set<String> rowIds = new HashSet<>();
        for (int s = 0; s < sections.size(); s++) {
            String path = "interactive['action']['sections'][" + s + "]";
            JsonNode section = sections.get(s);
            if (sections.size() > 1) {
                requireText(section, path, "title");
            }
            if (length(optionalText(section, "title")) > SECTION_TITLE_MAX) {
                throw new GraphApiException(GraphError.invalidValue(
                        "Section title length invalid. Max length: " + SECTION_TITLE_MAX + "."));
            }
            JsonNode rows = require(section, path, "rows");
            if (!rows.isArray() || rows.isEmpty()) {
                throw new GraphApiException(GraphError.missing(path + "['rows']"));
            }
            rowCount += rows.size();
            if (rowCount > MAX_ROWS) {
                throw new GraphApiException(GraphError.invalidValue("Total row count exceed max allowed count: " + MAX_ROWS));
            }
            for (int r = 0; r < rows.size(); r++) {
                row(rows.get(r), path + "['rows'][" + r + "]", rowIds);
            }
        }
    }

    private static void row(JsonNode row, String path, Set<String> rowIds) {
        String id = requireText(row, path, "id");
        String title = requireText(row, path, "title");
        if (length(id) > ROW_ID_MAX) {
            throw new GraphApiException(GraphError.invalidValue("Row ID length invalid. Max length: " + ROW_ID_MAX + "."));
        }
        if (length(title) > ROW_TITLE_MAX) {
            throw new GraphApiException(GraphError.invalidValue("Row title length invalid. Max length: " + ROW_TITLE_MAX + "."));
        }
        if (length(optionalText(row, "description")) > ROW_DESCRIPTION_MAX) {
            throw new GraphApiException(GraphError.invalidValue(
                    "Row description length invalid. Max length: " + ROW_DESCRIPTION_MAX + "."));
        }
        if (!rowIds.add(id)) {
            throw new GraphApiException(GraphError.invalidValue("Row IDs must be unique: \"" + id + "\" is repeated."));
        }
    }

    private static void ctaUrl(JsonNode interactive) {
        body(interactive, BUTTON_BODY_MAX);
        footer(interactive);
        header(interactive, true);
        JsonNode action = require(interactive, "interactive", "action");
        if (!"cta_url".equals(optionalText(action, "name"))) {
            throw new GraphApiException(GraphError.invalidValue("interactive['action']['name'] must be \"cta_url\"."));
        }
        JsonNode parameters = require(action, "interactive['action']", "parameters");
        String displayText = requireText(parameters, "interactive['action']['parameters']", "display_text");
        String url = requireText(parameters, "interactive['action']['parameters']", "url");
        if (length(displayText) > CTA_DISPLAY_TEXT_MAX) {
            throw new GraphApiException(GraphError.invalidValue(
                    "Button title length invalid. Min length: 1, Max length: " + CTA_DISPLAY_TEXT_MAX + "."));
        }
        if (!isHttpUrl(url)) {
            throw new GraphApiException(GraphError.invalidValue("interactive['action']['parameters']['url'] must be an http(s) URL."));
        }
    }

    private static void body(JsonNode interactive, int max) {
        JsonNode body = require(interactive, "interactive", "body");
        requireText(body, "interactive['body']", "text");
        maxLength(body, "interactive['body']", "text", max);
    }

    private static void footer(JsonNode interactive) {
        if (interactive.hasNonNull("footer")) {
            maxLength(interactive.get("footer"), "interactive['footer']", "text", FOOTER_MAX);
        }
    }

    /** Text headers everywhere; media headers only where Meta allows them (not on lists). */
    private static void header(JsonNode interactive, boolean mediaAllowed) {
        JsonNode header = interactive.get("header");
        if (header == null || header.isNull()) {
            return;
        }
        String type = requireText(header, "interactive['header']", "type");
        if ("text".equals(type)) {
            requireText(header, "interactive['header']", "text");
            maxLength(header, "interactive['header']", "text", HEADER_TEXT_MAX);
        } else if (mediaAllowed && Set.of("image", "video", "document").contains(type)) {
            MessageValidator.mediaObject(require(header, "interactive['header']", type), "interactive['header']['" + type + "']");
        } else {
            throw new GraphApiException(GraphError.invalidValue("Header type " + type + " is not allowed for this message."));
        }
    }
}
