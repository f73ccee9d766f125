package io.wabridge.support.kafka;

import io.wabridge.model.EventHeaders;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Dead letters look the same from every stage: the source record verbatim (key, value, headers),
 * plus {@code failure-reason} and where it came from ({@code dlt-source-topic/partition/offset}),
 * so one replay tool can re-drive any of them.
 */
public final class DeadLetterRecords {

    private DeadLetterRecords() {
    }

    public static ProducerRecord<String, byte[]> of(ConsumerRecord<String, byte[]> source, String deadLetterTopic, String reason) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(deadLetterTopic, source.key(), source.value());
        for (Header header : source.headers()) {
            record.headers().add(header);
        }
        set(record.headers(), EventHeaders.FAILURE_REASON, reason);
        set(record.headers(), EventHeaders.DLT_SOURCE_TOPIC, source.topic());
        set(record.headers(), EventHeaders.DLT_SOURCE_PARTITION, Integer.toString(source.partition()));
        set(record.headers(), EventHeaders.DLT_SOURCE_OFFSET, Long.toString(source.offset()));
        return record;
    }

    /**
     * A record that was never written (a service refused to send it) as a dead letter: key, value
     * and headers as they would have been, {@code failure-reason}, and as {@code dlt-source-topic}
     * the topic it was meant for, so a re-drive writes it there; no partition or offset, as it had none.
     */
    public static ProducerRecord<String, byte[]> ofUnwritten(ProducerRecord<String, byte[]> unwritten, String deadLetterTopic,
                                                            String reason) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(deadLetterTopic, unwritten.key(), unwritten.value());
        for (Header header : unwritten.headers()) {
            record.headers().add(header);
        }
        set(record.headers(), EventHeaders.FAILURE_REASON, reason);
        set(record.headers(), EventHeaders.DLT_SOURCE_TOPIC, unwritten.topic());
        return record;
    }

    /** Sets a UTF-8 header, replacing an earlier value (a re-driven record fails afresh); null leaves it out. */
    public static void set(Headers headers, String name, String value) {
        if (value != null) {
            headers.remove(name);
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
