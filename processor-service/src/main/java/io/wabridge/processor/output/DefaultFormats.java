package io.wabridge.processor.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Cognigy's default-channel formats ({@code data._cognigy._default.*}) as WhatsApp messages.
 * Returns an empty list when the format is unusable (no items, no URL), so the caller falls back
 * to the text.
 */
final class DefaultFormats {

    private final Messages messages;
    private final Adjustments adjustments;

    DefaultFormats(Messages messages, Adjustments adjustments) {
        this.messages = messages;
        this.adjustments = adjustments;
    }

    List<ObjectNode> convert(String format, JsonNode node, String outputText) {
        String text = OutputMapper.textual(node.path("text"));
        String body = Texts.isBlank(text) ? outputText : text;
        return switch (format) {
            case "_quickReplies" -> quickReplies(node, body);
            case "_buttons" -> buttons(body, node.path("buttons"), null);
            case "_gallery" -> gallery(node);
            case "_list" -> list(node, body);
            case "_image" -> media("image", node.path("imageUrl"), body);
            case "_video" -> media("video", node.path("videoUrl"), body);
            case "_audio" -> audio(node, body);
            default -> List.of();
        };
    }

    private List<ObjectNode> quickReplies(JsonNode node, String body) {
        List<Choice> choices = new ArrayList<>();
        for (JsonNode reply : node.path("quickReplies")) {
            String title = OutputMapper.textual(reply.path("title"));
            if (Texts.isBlank(title)) {
                adjustments.note("choice-without-title-dropped");
                continue;
            }
            choices.add(new Choice(title, payloadOr(reply, title), null));
        }
        return choices.isEmpty() ? List.of() : List.of(messages.choices(body, choices, null));
    }

    /**
     * Postback buttons become reply buttons (or a list); each {@code web_url} button its own
     * {@code cta_url} message; a {@code phone_number} button a line in the body, as WhatsApp has no
     * call button outside templates.
     */
    private List<ObjectNode> buttons(String body, JsonNode buttons, ObjectNode header) {
        List<Choice> postbacks = new ArrayList<>();
        List<JsonNode> urls = new ArrayList<>();
        StringBuilder text = new StringBuilder(body == null ? "" : body);
        for (JsonNode button : buttons) {
            String type = OutputMapper.textual(button.path("type"));
            String title = OutputMapper.textual(button.path("title"));
            if ("web_url".equals(type) && button.path("url").isTextual()) {
                urls.add(button);
            } else if ("phone_number".equals(type)) {
                text.append(text.length() == 0 ? "" : "\n").append(title == null ? "" : title + ": ")
                        .append(button.path("payload").asText(""));
            } else if (!Texts.isBlank(title)) {
                postbacks.add(new Choice(title, payloadOr(button, title), null));
            } else {
                adjustments.note("button-without-title-dropped");
            }
        }
        List<ObjectNode> result = new ArrayList<>();
        String bodyText = text.toString();
        if (!postbacks.isEmpty()) {
            result.add(messages.choices(bodyText, postbacks, header));
        } else if (urls.isEmpty()) {
            if (header != null) {
                result.add(messages.media("image", header.path("image").path("link").asText(), bodyText));
            } else {
                result.addAll(messages.text(bodyText));
            }
        }
        for (JsonNode url : urls) {
            boolean first = result.isEmpty();
            String title = OutputMapper.textual(url.path("title"));
            // The first message carries the text; further URL buttons carry their own title as body.
            result.add(messages.ctaUrl(first ? bodyText : title, title, url.path("url").asText(), first ? header : null));
        }
        return result;
    }

    /** One card per item: its image as header, title and subtitle as body, its buttons as actions. */
    private List<ObjectNode> gallery(JsonNode node) {
        List<ObjectNode> result = new ArrayList<>();
        for (JsonNode item : node.path("items")) {
            String body = join(OutputMapper.textual(item.path("title")), OutputMapper.textual(item.path("subtitle")));
            String image = OutputMapper.textual(item.path("imageUrl"));
            ObjectNode header = Texts.isBlank(image) ? null : Messages.imageHeader(image);
            result.addAll(buttons(body, item.path("buttons"), header));
        }
        return result;
    }

    /** An interactive list: one row per item (id = its first postback payload, else its title). */
    private List<ObjectNode> list(JsonNode node, String body) {
        List<Choice> rows = new ArrayList<>();
        for (JsonNode item : node.path("items")) {
            String title = OutputMapper.textual(item.path("title"));
            if (Texts.isBlank(title)) {
                adjustments.note("choice-without-title-dropped");
                continue;
            }
            String id = title;
            for (JsonNode button : item.path("buttons")) {
                if (!"web_url".equals(OutputMapper.textual(button.path("type"))) && button.path("payload").isTextual()) {
                    id = button.path("payload").asText();
                    break;
                }
            }
            rows.add(new Choice(title, id, OutputMapper.textual(item.path("subtitle"))));
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        List<ObjectNode> result = new ArrayList<>();
        JsonNode button = node.path("button");
        String buttonTitle = OutputMapper.textual(button.path("title"));
        boolean urlButton = "web_url".equals(OutputMapper.textual(button.path("type"))) && button.path("url").isTextual();
        if (!urlButton && !Texts.isBlank(buttonTitle)) {
            rows.add(new Choice(buttonTitle, payloadOr(button, buttonTitle), null));
        }
        result.add(messages.list(body, rows));
        if (urlButton) {
            result.add(messages.ctaUrl(buttonTitle, buttonTitle, button.path("url").asText(), null));
        }
        return result;
    }

    private List<ObjectNode> media(String type, JsonNode url, String caption) {
        if (!url.isTextual() || url.asText().isBlank()) {
            return List.of();
        }
        return List.of(messages.media(type, url.asText(), caption));
    }

    /** Audio has no caption: the text goes first, as its own message. */
    private List<ObjectNode> audio(JsonNode node, String text) {
        JsonNode url = node.path("audioUrl");
        if (!url.isTextual() || url.asText().isBlank()) {
            return List.of();
        }
        List<ObjectNode> result = new ArrayList<>(messages.text(text));
        result.add(messages.media("audio", url.asText(), null));
        return result;
    }

    private static String payloadOr(JsonNode node, String title) {
        JsonNode payload = node.path("payload");
        return payload.isValueNode() && !payload.asText().isBlank() ? payload.asText() : title;
    }

    private static String join(String title, String subtitle) {
        if (Texts.isBlank(subtitle)) {
            return title;
        }
        return Texts.isBlank(title) ? subtitle : title + "\n" + subtitle;
    }
}
