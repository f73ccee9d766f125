package io.wabridge.support.kafka;

import io.wabridge.model.EventHeaders;
import io.wabridge.model.EventType;
import io.wabridge.model.Json;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Writes and reads wabridge events as JSON record values ({@code byte[]}) with the
 * {@code event-type}, {@code schema-version} and {@code traceparent} headers. The type comes
 * from the header, never from a class name, so any tool can read any topic.
 */
public class EventCodec {

    /** A record for {@code event} with its type headers and the given trace context (may be null). */
    public ProducerRecord<String, byte[]> record(String topic, String key, Object event, String traceparent) {
        return record(topic, null, key, event, traceparent);
    }

    /**
     * As {@link #record(String, String, Object, String)} on a given partition (null = by key), for
     * a state topic whose partition n belongs to partition n of the topic it keeps the state of.
     */
    public ProducerRecord<String, byte[]> record(String topic, Integer partition, String key, Object event, String traceparent) {
        EventType type = EventType.of(event.getClass());
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, partition, key, Json.toBytes(event));
        Headers headers = record.headers();
        headers.add(EventHeaders.EVENT_TYPE, utf8(type.wireName()));
        headers.add(EventHeaders.SCHEMA_VERSION, utf8(Integer.toString(type.schemaVersion())));
        if (traceparent != null) {
            headers.add(EventHeaders.TRACEPARENT, utf8(traceparent));
        }
        return record;
    }

    /**
     * Reads a record's value as {@code type}.
     *
     * @throws UnreadableEventException when the headers name another type, a schema version newer
     *         than this build knows, or the value is not valid JSON for the type; such a record
     *         belongs in a dead-letter topic, retrying cannot fix it
     */
    public <T> T read(ConsumerRecord<String, byte[]> record, Class<T> type) {
        EventType expected = EventType.of(type);
        String typeHeader = header(record.headers(), EventHeaders.EVENT_TYPE);
        if (typeHeader != null && !typeHeader.equals(expected.wireName())) {
            throw new UnreadableEventException("expected event-type " + expected.wireName() + " but was " + typeHeader);
        }
        String versionHeader = header(record.headers(), EventHeaders.SCHEMA_VERSION);
        if (versionHeader != null && parseVersion(versionHeader) > expected.schemaVersion()) {
            throw new UnreadableEventException("schema-version " + versionHeader + " of " + expected.wireName()
                    + " is newer than this build reads (" + expected.schemaVersion() + ")");
        }
        if (record.value() == null) {
            throw new UnreadableEventException("record has no value");
        }
        try {
            return Json.fromBytes(record.value(), type);
        } catch (RuntimeException e) {
            throw new UnreadableEventException("value is not a valid " + expected.wireName() + " event: " + e.getMessage(), e);
        }
    }

    /** The last value of a header as UTF-8, or null. */
    public static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static int parseVersion(String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new UnreadableEventException("schema-version is not a number: " + value, e);
        }
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
