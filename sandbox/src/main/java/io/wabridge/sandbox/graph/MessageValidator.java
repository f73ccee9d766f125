package io.wabridge.sandbox.graph;

import static io.wabridge.sandbox.graph.Params.isHttpUrl;
import static io.wabridge.sandbox.graph.Params.maxLength;
import static io.wabridge.sandbox.graph.Params.optionalText;
import static io.wabridge.sandbox.graph.Params.require;
import static io.wabridge.sandbox.graph.Params.requireText;

import com.fasterxml.jackson.databind.JsonNode;
import io.wabridge.model.UserIds;

/**
 * Checks a send request against the WhatsApp limits ({@code docs/whatsapp.md}, "Sending") and rejects what Meta
 * would reject, so a conversion bug fails on a laptop instead of in production. Interactive
 * messages are checked by {@link InteractiveValidator}.
 */
final class MessageValidator {

    static final int TEXT_BODY_MAX = 4096;
    static final int CAPTION_MAX = 1024;
    static final int CALLBACK_DATA_MAX = 512;

    private MessageValidator() {
    }

    /** The request, or a {@link GraphApiException} carrying Meta's error for the first breach found. */
    static GraphRequest validate(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new GraphApiException(GraphError.invalidParameter("The parameter messaging_product is required."));
        }
        String product = optionalText(body, "messaging_product");
        if (product == null || product.isEmpty()) {
            throw new GraphApiException(GraphError.invalidParameter("The parameter messaging_product is required."));
        }
        if (!"whatsapp".equals(product)) {
            throw new GraphApiException(GraphError.invalidParameter(
                    "Param messaging_product must be one of {WHATSAPP} - got \"" + product + "\"."));
        }
        if (body.has("status")) {
            return markRead(body);
        }
        String to = recipientOf(body);
        if (body.has("context")) {
            requireText(body.get("context"), "context", "message_id");
        }
        maxLength(body, null, "biz_opaque_callback_data", CALLBACK_DATA_MAX);
        // Graph treats a missing type as text.
        String type = body.hasNonNull("type") ? body.get("type").asText() : "text";
        switch (type) {
            case "text" -> text(body);
            case "image", "video", "audio", "document", "sticker" -> media(body, type);
            case "location" -> location(body);
            case "reaction" -> reaction(body);
            case "template" -> template(body);
            case "contacts" -> contacts(body);
            case "interactive" -> InteractiveValidator.validate(require(body, null, "interactive"));
            default -> throw new GraphApiException(GraphError.unsupportedType(type));
        }
        return new GraphRequest.Send(to, type, optionalText(body, "biz_opaque_callback_data"));
    }

    private static GraphRequest markRead(JsonNode body) {
        String status = optionalText(body, "status");
        if (!"read".equals(status)) {
            throw new GraphApiException(GraphError.invalidParameter(
                    "Param status must be one of {READ} - got \"" + status + "\"."));
        }
        String messageId = requireText(body, null, "message_id");
        JsonNode typing = body.get("typing_indicator");
        if (typing != null && !"text".equals(optionalText(typing, "type"))) {
            throw new GraphApiException(GraphError.invalidValue("typing_indicator['type'] must be \"text\"."));
        }
        return new GraphRequest.MarkRead(messageId, typing != null);
    }

    private static void text(JsonNode body) {
        JsonNode text = require(body, null, "text");
        requireText(text, "text", "body");
        maxLength(text, "text", "body", TEXT_BODY_MAX);
    }

    /** Media by uploaded id or by link, never neither. */
    static void media(JsonNode body, String type) {
        JsonNode media = require(body, null, type);
        mediaObject(media, type);
        if (!"audio".equals(type) && !"sticker".equals(type)) {
            maxLength(media, type, "caption", CAPTION_MAX);
        }
    }

    static void mediaObject(JsonNode media, String param) {
        String id = optionalText(media, "id");
        String link = optionalText(media, "link");
        if ((id == null || id.isEmpty()) && (link == null || link.isEmpty())) {
            throw new GraphApiException(GraphError.missing(param + "['id'] or " + param + "['link']"));
        }
        if (link != null && !link.isEmpty() && !isHttpUrl(link)) {
            throw new GraphApiException(GraphError.invalidValue(param + "['link'] must be an http(s) URL."));
        }
    }

    private static void location(JsonNode body) {
        JsonNode location = require(body, null, "location");
        coordinate(location, "latitude", 90);
        coordinate(location, "longitude", 180);
    }

    private static void coordinate(JsonNode location, String field, double bound) {
        JsonNode value = require(location, "location", field);
        double number = value.isNumber() ? value.asDouble() : parse(value.asText());
        if (Double.isNaN(number) || Math.abs(number) > bound) {
            throw new GraphApiException(GraphError.invalidValue(
                    "location['" + field + "'] must be a number between -" + (int) bound + " and " + (int) bound + "."));
        }
    }

    private static double parse(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException notANumber) {
            return Double.NaN;
        }
    }

    private static void reaction(JsonNode body) {
        JsonNode reaction = require(body, null, "reaction");
        requireText(reaction, "reaction", "message_id");
        // An empty emoji is allowed: it removes the reaction.
        require(reaction, "reaction", "emoji");
    }

    private static void template(JsonNode body) {
        JsonNode template = require(body, null, "template");
        requireText(template, "template", "name");
        requireText(require(template, "template", "language"), "template['language']", "code");
    }

    private static void contacts(JsonNode body) {
        JsonNode contacts = require(body, null, "contacts");
        if (!contacts.isArray() || contacts.isEmpty()) {
            throw new GraphApiException(GraphError.missing("contacts"));
        }
    }

    /**
     * Who the send is for, as Graph reads it: {@code to} (a phone number) wins over
     * {@code recipient} (a business-scoped user id); a BSUID in {@code to} is refused, as Meta
     * does not deliver it (docs/whatsapp.md, "Identity").
     */
    private static String recipientOf(JsonNode body) {
        if (!body.hasNonNull("to")) {
            if (body.hasNonNull("recipient")) {
                return requireText(body, null, "recipient");
            }
            requireText(body, null, "to");
        }
        String to = requireText(body, null, "to");
        if (UserIds.isBusinessScoped(to)) {
            throw new GraphApiException(GraphError.invalidParameter(
                    "A business-scoped user id cannot be sent in to; send it in recipient."));
        }
        return to;
    }
}
