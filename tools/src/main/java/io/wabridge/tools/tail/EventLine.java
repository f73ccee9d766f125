package io.wabridge.tools.tail;

import com.fasterxml.jackson.databind.JsonNode;
import io.wabridge.model.EventHeaders;
import io.wabridge.model.Json;
import io.wabridge.model.privacy.Masking;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * One record as one line: time, topic, event type (and kind), ids, status, a short text.
 * Read by field name from the JSON value, so it shows every event type and version.
 */
final class EventLine {

    private static final int SHORT_TEXT = 60;

    private EventLine() {
    }

    static String of(ConsumerRecord<String, byte[]> record, Masking masking) {
        JsonNode value = json(record.value());
        List<String> parts = new ArrayList<>();
        parts.add(Instant.ofEpochMilli(record.timestamp()).toString());
        parts.add(String.format("%-22s", record.topic()));
        String type = header(record, EventHeaders.EVENT_TYPE);
        String kind = text(value, "kind");
        parts.add(String.format("%-20s", (type == null ? "?" : type) + (kind == null ? "" : "/" + kind)));
        if (text(value, "messageId") == null && text(value, "outboundId") == null) {
            field(parts, "event", text(value, "eventId"));
        }
        field(parts, "msg", masking.messageId(text(value, "messageId")));
        field(parts, "out", text(value, "outboundId"));
        field(parts, "replyTo", masking.messageId(text(value, "replyTo")));
        field(parts, "status", text(value, "status"));
        field(parts, "user", masking.id(firstOf(value, "userId", "recipient", "recipientId")));
        String said = said(value);
        if (said != null) {
            parts.add("\"" + masking.text(shorten(said)) + "\"");
        }
        field(parts, "failure", header(record, EventHeaders.FAILURE_REASON));
        field(parts, "replayed-from", header(record, EventHeaders.REPLAYED_FROM));
        if (record.headers().lastHeader(EventHeaders.REPLAY_FORCE) != null) {
            parts.add("forced");
        }
        return String.join("  ", parts);
    }

    /** What was written: the event's text, else a text message's body, else a button title. */
    private static String said(JsonNode value) {
        String text = text(value, "text");
        if (text != null) {
            return text;
        }
        for (String pointer : new String[] {"/message/text/body", "/message/interactive/body/text",
                "/message/interactive/button_reply/title", "/message/interactive/list_reply/title", "/message/button/text"}) {
            JsonNode node = value.at(pointer);
            if (node.isTextual()) {
                return node.asText();
            }
        }
        return null;
    }

    private static void field(List<String> parts, String name, String value) {
        if (value != null) {
            parts.add(name + "=" + value);
        }
    }

    private static String firstOf(JsonNode value, String... names) {
        for (String name : names) {
            String text = text(value, name);
            if (text != null) {
                return text;
            }
        }
        return null;
    }

    private static String text(JsonNode value, String name) {
        JsonNode node = value.get(name);
        return node == null || node.isNull() || node.isContainerNode() ? null : node.asText();
    }

    private static String shorten(String text) {
        String line = text.replaceAll("\\s+", " ");
        return line.length() <= SHORT_TEXT ? line : line.substring(0, SHORT_TEXT - 1) + "…";
    }

    private static JsonNode json(byte[] value) {
        if (value == null) {
            return Json.mapper().createObjectNode();
        }
        try {
            JsonNode node = Json.mapper().readTree(value);
            return node == null || !node.isObject() ? Json.mapper().createObjectNode() : node;
        } catch (IOException e) {
            return Json.mapper().createObjectNode();
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
