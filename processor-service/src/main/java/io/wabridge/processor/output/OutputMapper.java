package io.wabridge.processor.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Converts one Cognigy output ({@code {text, data}}, an {@code outputStack} entry) into the
 * WhatsApp messages that show it, in order. Precedence: native WhatsApp JSON under
 * {@code data._cognigy._whatsapp} (alias {@code data._whatsapp}), then the default-channel
 * formats under {@code data._cognigy._default}, then the output's text. Whatever cannot be
 * converted becomes its {@code fallbackText} or text; an output with neither yields nothing.
 */
public final class OutputMapper {

    private static final List<String> DEFAULT_FORMATS =
            List.of("_quickReplies", "_buttons", "_gallery", "_list", "_image", "_audio", "_video");

    private final OutputSettings settings;

    public OutputMapper(OutputSettings settings) {
        this.settings = settings;
    }

    /** This mapping with another list button label and default body (a translation's), the label cut to WhatsApp's limit. */
    public OutputMapper withWording(String listButtonLabel, String defaultBodyText) {
        return new OutputMapper(new OutputSettings(
                listButtonLabel == null ? settings.listButtonLabel() : Texts.cut(listButtonLabel, WhatsAppLimits.LIST_BUTTON),
                defaultBodyText == null ? settings.defaultBodyText() : defaultBodyText));
    }

    /** The settings' wording, which translation translates too. */
    public OutputSettings settings() {
        return settings;
    }

    public List<ObjectNode> map(JsonNode output, Adjustments adjustments) {
        Messages messages = new Messages(settings, adjustments);
        String text = textual(output.path("text"));
        JsonNode data = output.path("data");
        JsonNode cognigy = data.path("_cognigy");

        JsonNode whatsapp = cognigy.has("_whatsapp") ? cognigy.path("_whatsapp") : data.path("_whatsapp");
        if (whatsapp.isObject() || whatsapp.isArray()) {
            List<ObjectNode> converted = NativeMessages.of(whatsapp, messages, adjustments);
            if (!converted.isEmpty()) {
                return converted;
            }
            return fallback(whatsapp, text, messages, adjustments);
        }
        JsonNode defaults = cognigy.path("_default");
        for (String format : DEFAULT_FORMATS) {
            JsonNode node = defaults.path(format);
            if (node.isObject()) {
                List<ObjectNode> converted = new DefaultFormats(messages, adjustments).convert(format, node, text);
                return converted.isEmpty() ? fallback(node, text, messages, adjustments) : converted;
            }
        }
        List<ObjectNode> plain = messages.text(text);
        if (plain.isEmpty()) {
            return fallback(data, null, messages, adjustments);
        }
        return plain;
    }

    /** The node's {@code fallbackText}, else the output's text; nothing (and a warning) if neither. */
    private static List<ObjectNode> fallback(JsonNode node, String text, Messages messages, Adjustments adjustments) {
        String fallback = textual(node.path("fallbackText"));
        List<ObjectNode> result = new ArrayList<>(messages.text(Texts.isBlank(fallback) ? text : fallback));
        adjustments.note(result.isEmpty() ? "output-dropped" : "output-as-text");
        return result;
    }

    static String textual(JsonNode node) {
        return node.isTextual() ? node.asText() : null;
    }
}
