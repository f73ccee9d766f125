package io.wabridge.processor.window;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wabridge.model.Json;
import io.wabridge.model.settings.EndpointSettings;

/**
 * The template that replaces a free-form message outside the customer-service window
 * ({@code docs/cognigy-mapping.md}, "The customer-service window"): the endpoint's
 * {@code service-window.template} with the message's text as body parameter {{1}}.
 */
public final class WindowTemplate {

    /** Longest body parameter wabridge sends; Meta caps a template body at 1024 characters. */
    public static final int MAX_PARAMETER = 1024;

    private WindowTemplate() {
    }

    /** The template message, or the message unchanged when it is a template already. */
    public static ObjectNode replacing(ObjectNode message, EndpointSettings.ServiceWindow.Template template) {
        ObjectNode out = Json.mapper().createObjectNode().put("type", "template");
        ObjectNode body = out.putObject("template");
        body.put("name", template.name());
        body.putObject("language").put("code", template.language());
        String text = textOf(message);
        if (text != null) {
            ObjectNode component = body.putArray("components").addObject().put("type", "body");
            component.putArray("parameters").addObject().put("type", "text").put("text", parameter(text));
        }
        return out;
    }

    /** True for a message that may go outside the window: only templates may. */
    public static boolean isTemplate(JsonNode message) {
        return message != null && "template".equals(message.path("type").asText());
    }

    /** What the user would have read: the text body, a media caption, an interactive body; null when none. */
    static String textOf(JsonNode message) {
        String type = message.path("type").asText();
        JsonNode content = message.path(type);
        String text = switch (type) {
            case "text" -> content.path("body").asText(null);
            case "image", "video", "document" -> content.path("caption").asText(null);
            case "interactive" -> content.path("body").path("text").asText(null);
            default -> null;
        };
        return text == null || text.isBlank() ? null : text;
    }

    /**
     * Meta refuses parameters with new lines, tabs or more than four spaces in a row (132018):
     * those become one space; then clipped to {@link #MAX_PARAMETER} with an ellipsis.
     */
    static String parameter(String text) {
        String flat = text.replaceAll("[\\n\\r\\t]+", " ").replaceAll(" {4,}", "   ").strip();
        return flat.length() <= MAX_PARAMETER ? flat : flat.substring(0, MAX_PARAMETER - 1) + "…";
    }
}
