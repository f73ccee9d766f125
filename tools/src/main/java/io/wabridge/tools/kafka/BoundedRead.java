package io.wabridge.tools.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads partitions from start offsets up to the end offsets captured when the read starts, then
 * stops: records written meanwhile (for instance by the replay itself) are not read.
 */
public final class BoundedRead {

    private static final Logger log = LoggerFactory.getLogger(BoundedRead.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private BoundedRead() {
    }

    /** The first offset of each partition at or after {@code since}, or its beginning when {@code since} is null. */
    public static Map<TopicPartition, Long> startOffsets(org.apache.kafka.clients.consumer.Consumer<String, byte[]> consumer, List<TopicPartition> partitions,
                                                         Instant since) {
        Map<TopicPartition, Long> starts = new HashMap<>(consumer.beginningOffsets(partitions, TIMEOUT));
        if (since != null) {
            Map<TopicPartition, Long> query = new HashMap<>();
            partitions.forEach(partition -> query.put(partition, since.toEpochMilli()));
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, TIMEOUT);
            Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query, TIMEOUT);
            partitions.forEach(partition -> {
                OffsetAndTimestamp at = found.get(partition);
                starts.put(partition, at == null ? ends.get(partition) : at.offset());
            });
        }
        return starts;
    }

    /** The current end (last stable offset, for a read_committed reader) of each partition. */
    public static Map<TopicPartition, Long> endOffsets(org.apache.kafka.clients.consumer.Consumer<String, byte[]> consumer, List<TopicPartition> partitions) {
        return new HashMap<>(consumer.endOffsets(partitions, TIMEOUT));
    }

    /** Reads every partition from {@code starts} to (excluding) {@code ends}, handing each record to {@code sink}. */
    public static void read(org.apache.kafka.clients.consumer.Consumer<String, byte[]> consumer, Map<TopicPartition, Long> starts, Map<TopicPartition, Long> ends,
                            Consumer<ConsumerRecord<String, byte[]>> sink) {
        List<TopicPartition> pending = new ArrayList<>();
        starts.forEach((partition, start) -> {
            if (start < ends.getOrDefault(partition, 0L)) {
                pending.add(partition);
            }
        });
        consumer.assign(pending);
        pending.forEach(partition -> consumer.seek(partition, starts.get(partition)));
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!pending.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("reading " + pending + " did not reach the end offsets " + ends + " within " + TIMEOUT + " without progress");
            }
            var records = consumer.poll(Duration.ofMillis(200));
            if (!records.isEmpty()) {
                deadline = System.nanoTime() + TIMEOUT.toNanos();
            }
            for (ConsumerRecord<String, byte[]> record : records) {
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                if (record.offset() < ends.get(partition)) {
                    sink.accept(record);
                }
            }
            pending.removeIf(partition -> {
                boolean done = consumer.position(partition) >= ends.get(partition);
                if (done) {
                    log.debug("{} read up to {}", partition, ends.get(partition));
                }
                return done;
            });
            consumer.pause(consumer.assignment().stream().filter(partition -> !pending.contains(partition)).toList());
        }
    }
}
