package io.wabridge.tools.tail;

import io.wabridge.model.privacy.Masking;
import io.wabridge.tools.kafka.BoundedRead;
import io.wabridge.tools.kafka.KafkaClients;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code wabridge tail}: prints one conversation's records from all its topics, ordered by
 * timestamp, one line each. Only the partition the key maps to is read on each topic (the
 * services write every record of a conversation with its key, default partitioner).
 */
public final class Tail {

    private static final Logger log = LoggerFactory.getLogger(Tail.class);
    private static final Comparator<ConsumerRecord<String, byte[]>> BY_TIME =
            Comparator.comparingLong((ConsumerRecord<String, byte[]> record) -> record.timestamp())
                    .thenComparing(ConsumerRecord::topic)
                    .thenComparingLong(ConsumerRecord::offset);

    private final KafkaClients kafka;
    private final PrintStream out;

    public Tail(KafkaClients kafka, PrintStream out) {
        this.kafka = kafka;
        this.out = out;
    }

    /**
     * Prints what the topics hold now; with {@code follow}, then what arrives, until {@code stop} is true.
     *
     * @return how many lines were printed
     */
    public int run(TailOptions options, BooleanSupplier stop) {
        Masking masking = options.unmasked() ? Masking.OFF : Masking.ON;
        try (Consumer<String, byte[]> consumer = kafka.reader()) {
            List<TopicPartition> partitions = partitions(consumer, options);
            Map<TopicPartition, Long> ends = BoundedRead.endOffsets(consumer, partitions);
            Map<TopicPartition, Long> starts = BoundedRead.startOffsets(consumer, partitions, options.since());
            List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
            BoundedRead.read(consumer, starts, ends, record -> {
                if (options.key().equals(record.key())) {
                    found.add(record);
                }
            });
            found.sort(BY_TIME);
            found.forEach(record -> out.println(EventLine.of(record, masking)));
            int printed = found.size();
            if (options.follow()) {
                printed += follow(consumer, partitions, ends, options, masking, stop);
            }
            return printed;
        }
    }

    private int follow(Consumer<String, byte[]> consumer, List<TopicPartition> partitions, Map<TopicPartition, Long> from,
                       TailOptions options, Masking masking, BooleanSupplier stop) {
        consumer.assign(partitions);
        consumer.resume(partitions);
        partitions.forEach(partition -> consumer.seek(partition, from.get(partition)));
        out.println("-- following " + partitions.size() + " topic(s) for new events (Ctrl-C to stop)");
        out.flush();
        int printed = 0;
        while (!stop.getAsBoolean()) {
            List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
            consumer.poll(Duration.ofMillis(250)).forEach(record -> {
                if (options.key().equals(record.key())) {
                    batch.add(record);
                }
            });
            batch.sort(BY_TIME);
            batch.forEach(record -> out.println(EventLine.of(record, masking)));
            out.flush();
            printed += batch.size();
        }
        return printed;
    }

    private List<TopicPartition> partitions(Consumer<String, byte[]> consumer, TailOptions options) {
        Set<String> existing = consumer.listTopics().keySet();
        byte[] key = options.key().getBytes(StandardCharsets.UTF_8);
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : options.topics()) {
            if (!existing.contains(topic)) {
                log.info("no topic {}: skipped", topic);
                continue;
            }
            int count = consumer.partitionsFor(topic).size();
            partitions.add(new TopicPartition(topic, partitionFor(key, count)));
        }
        return partitions;
    }

    /** The default partitioner's choice for a keyed record (murmur2 of the key bytes). */
    static int partitionFor(byte[] key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key)) % partitions;
    }
}
