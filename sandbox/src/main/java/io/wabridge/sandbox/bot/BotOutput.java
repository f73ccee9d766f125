package io.wabridge.sandbox.bot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wabridge.model.Json;

/** One bot output of a turn: text, data, or both (Cognigy always sends a data object, possibly empty). */
record BotOutput(String text, ObjectNode data) {

    static BotOutput text(String text) {
        return new BotOutput(text, Json.mapper().createObjectNode());
    }

    /** A data-only output carrying {@code data._cognigy._default.<kind>} (text lives inside the rich object). */
    static BotOutput rich(String kind, ObjectNode body) {
        ObjectNode data = Json.mapper().createObjectNode();
        data.putObject("_cognigy").putObject("_default").set(kind, body);
        return new BotOutput(null, data);
    }

    /** A data-only output carrying a native WhatsApp message object under {@code data._cognigy._whatsapp}. */
    static BotOutput whatsApp(ObjectNode message) {
        ObjectNode data = Json.mapper().createObjectNode();
        data.putObject("_cognigy").set("_whatsapp", message);
        return new BotOutput(null, data);
    }
}
