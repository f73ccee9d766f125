package io.wabridge.sandbox.bot;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wabridge.model.Json;
import java.util.Locale;

/**
 * The demo bot's rich outputs, in the shapes a Cognigy flow produces ({@code docs/cognigy-mapping.md}, "Outbound").
 * Every postback payload is answered by {@link DemoBot} with "You picked …", so a click round-trips.
 */
final class RichOutputs {

    static final String IMAGE_BASE = "https://placehold.co/600x400/png?text=";
    static final String WEBSITE = "https://github.com/";

    private RichOutputs() {
    }

    static BotOutput quickReplies() {
        ObjectNode body = object();
        body.put("type", "quick_replies");
        body.put("text", "Which color do you like?");
        ArrayNode replies = body.putArray("quickReplies");
        for (String color : new String[] {"Red", "Green", "Blue"}) {
            ObjectNode reply = replies.addObject();
            reply.put("title", color);
            reply.put("payload", "COLOR_" + color.toUpperCase(Locale.ROOT));
            reply.put("contentType", "postback");
        }
        return BotOutput.rich("_quickReplies", body);
    }

    static BotOutput buttons() {
        ObjectNode body = object();
        body.put("type", "buttons");
        body.put("text", "Pick a color or open the website.");
        ArrayNode buttons = body.putArray("buttons");
        buttons.add(postback("Red", "COLOR_RED"));
        buttons.add(postback("Blue", "COLOR_BLUE"));
        buttons.add(webUrl("Website", WEBSITE));
        return BotOutput.rich("_buttons", body);
    }

    static BotOutput gallery() {
        ObjectNode body = object();
        body.put("type", "carousel");
        body.put("fallbackText", "Red, Green or Blue?");
        ArrayNode items = body.putArray("items");
        for (String color : new String[] {"Red", "Green", "Blue"}) {
            ObjectNode item = items.addObject();
            item.put("title", color);
            item.put("subtitle", "A fine shade of " + color.toLowerCase(Locale.ROOT));
            item.put("imageUrl", IMAGE_BASE + color);
            item.putArray("buttons").add(postback("Pick " + color, "COLOR_" + color.toUpperCase(Locale.ROOT)));
        }
        return BotOutput.rich("_gallery", body);
    }

    static BotOutput list() {
        ObjectNode body = object();
        body.put("type", "list");
        body.put("fallbackText", "Basic, Pro or Team?");
        ArrayNode items = body.putArray("items");
        item(items, "Basic", "Free forever, one bot", "PLAN_BASIC");
        item(items, "Pro", "Unlimited bots, 9 EUR/month", "PLAN_PRO");
        item(items, "Team", "Everything, plus support", "PLAN_TEAM");
        body.set("button", postback("Compare plans", "PLAN_COMPARE"));
        return BotOutput.rich("_list", body);
    }

    static BotOutput image() {
        ObjectNode body = object();
        body.put("type", "image");
        body.put("imageUrl", IMAGE_BASE + "wabridge");
        body.put("imageAltText", "The wabridge logo, more or less");
        return BotOutput.rich("_image", body);
    }

    /** Native WhatsApp reply buttons, sent as is (Cognigy's WhatsApp tab). */
    static BotOutput whatsAppButtons() {
        ObjectNode message = object();
        message.put("type", "interactive");
        ObjectNode interactive = message.putObject("interactive");
        interactive.put("type", "button");
        interactive.putObject("header").put("type", "text").put("text", "Native WhatsApp");
        interactive.putObject("body").put("text", "These buttons were written as a WhatsApp message by the flow.");
        interactive.putObject("footer").put("text", "data._cognigy._whatsapp");
        ArrayNode buttons = interactive.putObject("action").putArray("buttons");
        for (String color : new String[] {"Red", "Green"}) {
            ObjectNode button = buttons.addObject();
            button.put("type", "reply");
            button.putObject("reply").put("id", "COLOR_" + color.toUpperCase(Locale.ROOT)).put("title", color);
        }
        return BotOutput.whatsApp(message);
    }

    /** A native WhatsApp location message. */
    static BotOutput whatsAppLocation() {
        ObjectNode message = object();
        message.put("type", "location");
        message.putObject("location")
                .put("latitude", 52.516275)
                .put("longitude", 13.377704)
                .put("name", "Brandenburg Gate")
                .put("address", "Pariser Platz, 10117 Berlin");
        return BotOutput.whatsApp(message);
    }

    private static void item(ArrayNode items, String title, String subtitle, String payload) {
        ObjectNode item = items.addObject();
        item.put("title", title);
        item.put("subtitle", subtitle);
        item.putArray("buttons").add(postback("Choose " + title, payload));
    }

    private static ObjectNode postback(String title, String payload) {
        return object().put("type", "postback").put("title", title).put("payload", payload);
    }

    private static ObjectNode webUrl(String title, String url) {
        return object().put("type", "web_url").put("title", title).put("url", url);
    }

    private static ObjectNode object() {
        return Json.mapper().createObjectNode();
    }
}
