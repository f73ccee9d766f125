package io.wabridge.tools.replay;

import io.wabridge.model.EventHeaders;
import io.wabridge.model.privacy.Masking;
import io.wabridge.tools.cli.UsageException;
import io.wabridge.tools.kafka.BoundedRead;
import io.wabridge.tools.kafka.KafkaClients;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code wabridge replay}: reads the selected records of a topic, from the start of the time or
 * offset range to the end offsets captured at start, and writes them (key, value, headers) to the
 * stage that consumes them, or to a scratch topic. Stops when done.
 */
public final class Replay {

    private static final Logger log = LoggerFactory.getLogger(Replay.class);

    private final KafkaClients kafka;
    private final PrintStream out;
    private final Clock clock;

    public Replay(KafkaClients kafka, PrintStream out, Clock clock) {
        this.kafka = kafka;
        this.out = out;
        this.clock = clock;
    }

    /** @return how many records were selected (and, unless a dry run, written) */
    public int run(ReplayOptions options) {
        List<ConsumerRecord<String, byte[]>> selected = select(options);
        Masking masking = options.unmasked() ? Masking.OFF : Masking.ON;
        if (options.dryRun()) {
            print(selected, options, masking);
            out.printf("dry run: %d record(s) would be replayed from %s; nothing written%n", selected.size(), options.from());
            return selected.size();
        }
        write(selected, options);
        print(selected, options, masking);
        out.printf("replayed %d record(s) from %s%s%n", selected.size(), options.from(), options.force() ? " with replay-force" : "");
        return selected.size();
    }

    List<ConsumerRecord<String, byte[]>> select(ReplayOptions options) {
        Selection selection = Selection.of(options);
        List<ConsumerRecord<String, byte[]>> selected = new ArrayList<>();
        try (Consumer<String, byte[]> consumer = kafka.reader()) {
            List<TopicPartition> partitions = partitions(consumer, options);
            Map<TopicPartition, Long> ends = BoundedRead.endOffsets(consumer, partitions);
            Map<TopicPartition, Long> starts = BoundedRead.startOffsets(consumer, partitions, options.since());
            if (options.partition() != null) {
                TopicPartition partition = partitions.get(0);
                if (options.fromOffset() != null) {
                    starts.put(partition, Math.max(starts.get(partition), options.fromOffset()));
                }
                if (options.toOffset() != null) {
                    ends.put(partition, Math.min(ends.get(partition), options.toOffset() + 1));
                }
            }
            log.debug("reading {} from {} to {}", options.from(), starts, ends);
            BoundedRead.read(consumer, starts, ends, record -> {
                if (selection.matches(record)) {
                    selected.add(record);
                }
            });
        }
        selected.sort(Comparator.comparingInt((ConsumerRecord<String, byte[]> record) -> record.partition())
                .thenComparingLong(ConsumerRecord::offset));
        return selected;
    }

    private static List<TopicPartition> partitions(Consumer<String, byte[]> consumer, ReplayOptions options) {
        Map<String, ?> topics = consumer.listTopics();
        if (!topics.containsKey(options.from())) {
            throw new UsageException("no topic " + options.from());
        }
        if (options.to() != null && !topics.containsKey(options.to())) {
            throw new UsageException("no topic " + options.to() + " (create the scratch topic first)");
        }
        List<TopicPartition> all = consumer.partitionsFor(options.from()).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .sorted(Comparator.comparingInt(TopicPartition::partition))
                .toList();
        if (options.partition() == null) {
            return all;
        }
        TopicPartition wanted = new TopicPartition(options.from(), options.partition());
        if (!all.contains(wanted)) {
            throw new UsageException(options.from() + " has no partition " + options.partition() + " (it has " + all.size() + ")");
        }
        return List.of(wanted);
    }

    private void write(List<ConsumerRecord<String, byte[]>> selected, ReplayOptions options) {
        if (selected.isEmpty()) {
            return;
        }
        try (Producer<String, byte[]> producer = kafka.writer()) {
            List<Future<RecordMetadata>> sends = new ArrayList<>();
            for (ConsumerRecord<String, byte[]> record : selected) {
                sends.add(producer.send(Redrive.of(record, options.to(), options.force(), clock.instant())));
            }
            producer.flush();
            for (Future<RecordMetadata> send : sends) {
                RecordMetadata written = send.get();
                log.debug("written to {}-{}@{}", written.topic(), written.partition(), written.offset());
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("writing the replayed records failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing the replayed records", e);
        }
    }

    private void print(List<ConsumerRecord<String, byte[]>> selected, ReplayOptions options, Masking masking) {
        Map<String, long[]> ranges = new TreeMap<>();
        for (ConsumerRecord<String, byte[]> record : selected) {
            String target = Redrive.target(record, options.to());
            out.printf("%s  key=%s  event-type=%s  -> %s%n", Redrive.origin(record), masking.key(record.key()),
                    header(record, EventHeaders.EVENT_TYPE), target);
            ranges.merge(record.topic() + "-" + record.partition(), new long[] {record.offset(), record.offset(), 1},
                    (a, b) -> new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1]), a[2] + b[2]});
        }
        ranges.forEach((partition, range) ->
                out.printf("%s: %d record(s), offsets %d..%d%n", partition, range[2], range[0], range[1]));
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? "-" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
