package io.wabridge.tools.replay;

import io.wabridge.model.EventHeaders;
import io.wabridge.model.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Turns a read record into the record to write: same key, value and headers, minus the
 * dead-letter headers (so a new failure is reported afresh), plus where and when it was replayed.
 */
final class Redrive {

    private static final Set<String> DROPPED = Set.of(
            EventHeaders.FAILURE_REASON, EventHeaders.FAILURE_DETAIL,
            EventHeaders.DLT_SOURCE_TOPIC, EventHeaders.DLT_SOURCE_PARTITION, EventHeaders.DLT_SOURCE_OFFSET,
            EventHeaders.REPLAYED_FROM, EventHeaders.REPLAYED_AT, EventHeaders.REPLAY_FORCE);
    private static final String GRAPH_HEADER_PREFIX = "graph-";

    private Redrive() {
    }

    /**
     * Where a record goes: {@code to} when given; for a dead letter its {@code dlt-source-topic}
     * (else the dead-letter topic's name without {@code -dlt}); otherwise back to its own topic,
     * which is what the consuming stage reads.
     */
    static String target(ConsumerRecord<String, byte[]> record, String to) {
        if (to != null) {
            return to;
        }
        if (record.topic().endsWith(Topics.DLT_SUFFIX)) {
            Header source = record.headers().lastHeader(EventHeaders.DLT_SOURCE_TOPIC);
            if (source != null && source.value() != null && source.value().length > 0) {
                return new String(source.value(), StandardCharsets.UTF_8);
            }
            return record.topic().substring(0, record.topic().length() - Topics.DLT_SUFFIX.length());
        }
        return record.topic();
    }

    static ProducerRecord<String, byte[]> of(ConsumerRecord<String, byte[]> record, String to, boolean force, Instant now) {
        ProducerRecord<String, byte[]> out = new ProducerRecord<>(target(record, to), record.key(), record.value());
        for (Header header : record.headers()) {
            if (!DROPPED.contains(header.key()) && !header.key().startsWith(GRAPH_HEADER_PREFIX)) {
                out.headers().add(header);
            }
        }
        out.headers().add(EventHeaders.REPLAYED_FROM, utf8(origin(record)));
        out.headers().add(EventHeaders.REPLAYED_AT, utf8(now.toString()));
        if (force) {
            out.headers().add(EventHeaders.REPLAY_FORCE, utf8("true"));
        }
        return out;
    }

    static String origin(ConsumerRecord<String, byte[]> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
