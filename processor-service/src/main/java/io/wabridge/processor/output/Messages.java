package io.wabridge.processor.output;

import static io.wabridge.processor.output.WhatsAppLimits.*;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wabridge.model.Json;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Builds Cloud API message objects (without {@code to}) that respect WhatsApp's limits. */
final class Messages {

    private final OutputSettings settings;
    private final Adjustments adjustments;

    Messages(OutputSettings settings, Adjustments adjustments) {
        this.settings = settings;
        this.adjustments = adjustments;
    }

    /** One text message per 4096-char chunk; none for blank text. */
    List<ObjectNode> text(String text) {
        List<ObjectNode> messages = new ArrayList<>();
        if (Texts.isBlank(text)) {
            return messages;
        }
        List<String> chunks = Texts.split(text, TEXT_BODY);
        if (chunks.size() > 1) {
            adjustments.note("text-split");
        }
        for (String chunk : chunks) {
            ObjectNode message = message("text");
            message.putObject("text").put("body", chunk);
            messages.add(message);
        }
        return messages;
    }

    /** Up to 3 choices as reply buttons, more as a list (at most 10 rows); {@code header} may be null. */
    ObjectNode choices(String body, List<Choice> choices, ObjectNode header) {
        if (choices.size() <= MAX_BUTTONS && choices.stream().allMatch(c -> c.description() == null)) {
            return buttons(body, choices, header);
        }
        return list(body, choices);
    }

    ObjectNode buttons(String body, List<Choice> choices, ObjectNode header) {
        ObjectNode message = message("interactive");
        ObjectNode interactive = message.putObject("interactive");
        interactive.put("type", "button");
        if (header != null) {
            interactive.set("header", header);
        }
        interactive.putObject("body").put("text", body(body, INTERACTIVE_BODY));
        ArrayNode buttons = interactive.putObject("action").putArray("buttons");
        Set<String> ids = new HashSet<>();
        Set<String> titles = new HashSet<>();
        for (Choice choice : choices) {
            String id = cut(choice.id(), BUTTON_ID, "button-id-clipped");
            String title = cut(choice.title(), BUTTON_TITLE, "button-title-clipped");
            // WhatsApp rejects duplicate ids or titles; the first one wins.
            if (!ids.add(id) || !titles.add(title)) {
                adjustments.note("button-duplicate-dropped");
                continue;
            }
            ObjectNode reply = buttons.addObject().put("type", "reply").putObject("reply");
            reply.put("id", id);
            reply.put("title", title);
        }
        return message;
    }

    ObjectNode list(String body, List<Choice> choices) {
        ObjectNode message = message("interactive");
        ObjectNode interactive = message.putObject("interactive");
        interactive.put("type", "list");
        interactive.putObject("body").put("text", body(body, LIST_BODY));
        ObjectNode action = interactive.putObject("action");
        action.put("button", settings.listButtonLabel());
        ArrayNode rows = action.putArray("sections").addObject().putArray("rows");
        Set<String> ids = new HashSet<>();
        for (Choice choice : choices) {
            if (rows.size() == MAX_ROWS) {
                adjustments.note("list-rows-dropped");
                break;
            }
            String id = cut(choice.id(), ROW_ID, "row-id-clipped");
            if (!ids.add(id)) {
                adjustments.note("row-duplicate-dropped");
                continue;
            }
            ObjectNode row = rows.addObject();
            row.put("id", id);
            row.put("title", cut(choice.title(), ROW_TITLE, "row-title-clipped"));
            if (!Texts.isBlank(choice.description())) {
                row.put("description", cut(choice.description(), ROW_DESCRIPTION, "row-description-clipped"));
            }
        }
        return message;
    }

    /** One URL button: WhatsApp's {@code cta_url} interactive message. */
    ObjectNode ctaUrl(String body, String title, String url, ObjectNode header) {
        ObjectNode message = message("interactive");
        ObjectNode interactive = message.putObject("interactive");
        interactive.put("type", "cta_url");
        if (header != null) {
            interactive.set("header", header);
        }
        interactive.putObject("body").put("text", body(body, INTERACTIVE_BODY));
        ObjectNode action = interactive.putObject("action");
        action.put("name", "cta_url");
        ObjectNode parameters = action.putObject("parameters");
        parameters.put("display_text", cut(Texts.isBlank(title) ? url : title, CTA_DISPLAY_TEXT, "cta-title-clipped"));
        parameters.put("url", url);
        return message;
    }

    /** Image, video, audio or document by link; the caption is dropped for audio (WhatsApp has none). */
    ObjectNode media(String type, String link, String caption) {
        ObjectNode message = message(type);
        ObjectNode media = message.putObject(type);
        media.put("link", link);
        if (!Texts.isBlank(caption) && !type.equals("audio")) {
            media.put("caption", cut(caption, CAPTION, "caption-clipped"));
        }
        return message;
    }

    static ObjectNode imageHeader(String link) {
        ObjectNode header = Json.mapper().createObjectNode();
        header.put("type", "image");
        header.putObject("image").put("link", link);
        return header;
    }

    private String body(String text, int max) {
        return cut(Texts.isBlank(text) ? settings.defaultBodyText() : text, max, "body-clipped");
    }

    private String cut(String text, int max, String reason) {
        String cut = Texts.cut(text, max);
        if (cut != null && !cut.equals(text)) {
            adjustments.note(reason);
        }
        return cut;
    }

    private static ObjectNode message(String type) {
        ObjectNode message = Json.mapper().createObjectNode();
        message.put("type", type);
        return message;
    }
}
