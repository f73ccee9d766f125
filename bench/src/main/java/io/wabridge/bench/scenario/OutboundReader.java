package io.wabridge.bench.scenario;

import io.wabridge.bench.fake.Request;
import io.wabridge.bench.fake.Stamp;
import io.wabridge.model.Topics;
import io.wabridge.model.event.OutboundMessage;
import io.wabridge.support.kafka.EventCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads {@code whatsapp.outbound} from the start (committed records only, as egress would) and
 * turns each reply into a {@link Request}: its arrival is the record's timestamp (set when the
 * processor produced it inside its turn's transaction), its sequence and stamp come from the text
 * the echo bot returned. Replies without a stamp (the fallback text) keep sequence -1. Counting
 * records, not offsets: transaction markers take offsets too.
 */
final class OutboundReader implements AutoCloseable {

    private final EventCodec codec = new EventCodec();
    private final KafkaConsumer<String, byte[]> consumer;
    private final List<Request> replies = new ArrayList<>();
    private final String mark;
    private final List<Long> unmarked = new ArrayList<>();

    OutboundReader(String bootstrapServers) {
        this(bootstrapServers, null);
    }

    /** @param mark what every reply's text should end with (what a transformer appends), see {@link #unmarked()}; null: nothing */
    OutboundReader(String bootstrapServers, String mark) {
        this.mark = mark;
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.OUTBOUND).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Reads until {@code expected} replies were read in all or none came for {@code stallMillis}; returns how many were read. */
    long awaitReplies(long expected, long stallMillis) {
        long lastChange = System.nanoTime();
        while (replies.size() < expected && System.nanoTime() - lastChange < stallMillis * 1_000_000) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(250))) {
                OutboundMessage reply = codec.read(record, OutboundMessage.class);
                String text = reply.message() == null ? null : reply.message().path("text").path("body").asText(null);
                Stamp stamp = Stamp.parse(text);
                if (mark != null && (text == null || !text.endsWith(mark))) {
                    unmarked.add(stamp.sequence());
                }
                replies.add(new Request(record.timestamp() * 1000, 0, reply.phoneNumberId(), reply.recipient(),
                        stamp.sequence(), stamp.micros()));
                lastChange = System.nanoTime();
            }
        }
        return replies.size();
    }

    /** Reads what is left for a moment (a reply written twice would come now), then returns every reply read. */
    List<Request> replies() {
        awaitReplies(Long.MAX_VALUE, 1000);
        return List.copyOf(replies);
    }

    /** Sequence numbers of the replies read so far whose text does not end with the mark (-1: no stamp either). */
    List<Long> unmarked() {
        return List.copyOf(unmarked);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
