package io.wabridge.tools.replay;

import com.fasterxml.jackson.databind.JsonNode;
import io.wabridge.model.Json;
import java.io.IOException;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Which of the records read are replayed: within the time range, with the key, about the message.
 * A record is "about" a WhatsApp message id when its value's {@code messageId} (inbound, status)
 * or {@code replyTo} (outbound: a reply to that message) is that id.
 */
record Selection(Instant since, Instant until, String key, String messageId) {

    static Selection of(ReplayOptions options) {
        return new Selection(options.since(), options.until(), options.key(), options.messageId());
    }

    boolean matches(ConsumerRecord<String, byte[]> record) {
        if (since != null && record.timestamp() < since.toEpochMilli()) {
            return false;
        }
        if (until != null && record.timestamp() > until.toEpochMilli()) {
            return false;
        }
        if (key != null && !key.equals(record.key())) {
            return false;
        }
        return messageId == null || aboutMessage(record.value());
    }

    private boolean aboutMessage(byte[] value) {
        if (value == null) {
            return false;
        }
        try {
            JsonNode json = Json.mapper().readTree(value);
            return json != null && (messageId.equals(json.path("messageId").asText(null))
                    || messageId.equals(json.path("replyTo").asText(null)));
        } catch (IOException e) {
            return false;
        }
    }
}
