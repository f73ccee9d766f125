package io.wabridge.processor.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * WhatsApp-native output (the Say node's WhatsApp tab): Cloud API message objects sent as they
 * are, minus the fields egress owns ({@code to}, {@code messaging_product}, {@code recipient_type}).
 * An object without a {@code type} cannot be sent and is skipped; an over-long text is split.
 */
final class NativeMessages {

    private NativeMessages() {
    }

    static List<ObjectNode> of(JsonNode whatsapp, Messages messages, Adjustments adjustments) {
        List<ObjectNode> result = new ArrayList<>();
        Iterable<JsonNode> items = whatsapp.isArray() ? whatsapp : List.of(whatsapp);
        for (JsonNode item : items) {
            if (!(item instanceof ObjectNode object) || !item.path("type").isTextual()
                    || !item.has(item.path("type").asText())) {
                adjustments.note("native-invalid");
                continue;
            }
            ObjectNode copy = object.deepCopy();
            copy.remove(List.of("to", "messaging_product", "recipient_type"));
            String type = copy.path("type").asText();
            JsonNode body = copy.path("text").path("body");
            if (type.equals("text") && body.isTextual() && body.asText().length() > WhatsAppLimits.TEXT_BODY) {
                result.addAll(messages.text(body.asText()));
            } else {
                result.add(copy);
            }
        }
        return result;
    }
}
