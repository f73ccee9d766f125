package io.wabridge.egress.status;

import io.wabridge.model.event.DeliveryStatus;
import io.wabridge.model.event.StatusEvent;
import io.wabridge.model.event.StatusSource;
import io.wabridge.support.kafka.EventCodec;
import io.wabridge.support.kafka.KafkaClientFactory;
import io.wabridge.support.kafka.TopicSettings;
import io.wabridge.support.kafka.UnreadableEventException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads {@code whatsapp.statuses} from a send's intent on, only for a send a crash interrupted:
 * no reader runs otherwise. Each search has its own group-less consumer that starts at the
 * intent's time (statuses that came before this instance started are found too), skips records
 * whose bytes do not contain the outbound id without decoding them, and ends at the first proof
 * or, after the deadline, at the end the topic had then. A few threads bound the consumers open
 * at once after a crash; a search waits at most until its deadline.
 */
public class StatusSearch implements AcceptanceProof, AutoCloseable {

    private static final int THREADS = 4;

    private final KafkaClientFactory clients;
    private final EventCodec codec;
    private final TopicSettings topics;
    private final Duration clockSkew;
    private final ExecutorService searches;

    /** @param clockSkew how much earlier than the intent (other hosts' clocks) a status may be stamped */
    public StatusSearch(KafkaClientFactory clients, EventCodec codec, TopicSettings topics, Duration clockSkew) {
        this.clients = clients;
        this.codec = codec;
        this.topics = topics;
        this.clockSkew = clockSkew;
        AtomicInteger count = new AtomicInteger();
        this.searches = Executors.newFixedThreadPool(THREADS, runnable -> {
            Thread thread = new Thread(runnable, "egress-status-search-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public CompletableFuture<Optional<StatusEvent>> find(String outboundId, Instant since, Instant deadline) {
        return CompletableFuture.supplyAsync(() -> search(outboundId, since, deadline), searches);
    }

    private Optional<StatusEvent> search(String outboundId, Instant since, Instant deadline) {
        byte[] needle = outboundId.getBytes(StandardCharsets.UTF_8);
        try (Consumer<String, byte[]> consumer = clients.consumer(null, "status-search", Map.of())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topics.statuses()).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            if (partitions.isEmpty()) {
                return Optional.empty(); // no statuses topic: nothing can prove the send
            }
            consumer.assign(partitions);
            seekTo(consumer, partitions, since.minus(clockSkew));
            Map<TopicPartition, Long> endAtDeadline = null;
            while (!Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    Optional<StatusEvent> proof = record.value() != null && contains(record.value(), needle)
                            ? proof(record, outboundId) : Optional.empty();
                    if (proof.isPresent()) {
                        return proof;
                    }
                }
                if (endAtDeadline == null && !Instant.now().isBefore(deadline)) {
                    endAtDeadline = consumer.endOffsets(partitions);
                }
                if (endAtDeadline != null && reached(consumer, endAtDeadline)) {
                    return Optional.empty();
                }
            }
            throw new IllegalStateException("status search for " + outboundId + " interrupted");
        }
    }

    private static void seekTo(Consumer<String, byte[]> consumer, List<TopicPartition> partitions, Instant from) {
        Map<TopicPartition, Long> times = new HashMap<>();
        partitions.forEach(partition -> times.put(partition, from.toEpochMilli()));
        Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(times);
        for (TopicPartition partition : partitions) {
            OffsetAndTimestamp offset = offsets.get(partition);
            if (offset == null) {
                consumer.seekToEnd(List.of(partition)); // nothing that recent yet
            } else {
                consumer.seek(partition, offset.offset());
            }
        }
    }

    /** Meta's webhook with the outbound id as callback data (any status: all follow an accept), or egress's own {@code accepted}. */
    private Optional<StatusEvent> proof(ConsumerRecord<String, byte[]> record, String outboundId) {
        try {
            StatusEvent status = codec.read(record, StatusEvent.class);
            boolean proves = status.source() == StatusSource.WEBHOOK
                    ? outboundId.equals(status.callbackData())
                    : status.status() == DeliveryStatus.ACCEPTED && outboundId.equals(status.outboundId());
            return proves ? Optional.of(status) : Optional.empty();
        } catch (UnreadableEventException e) {
            return Optional.empty();
        }
    }

    private static boolean reached(Consumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Override
    public void close() {
        searches.shutdownNow();
    }
}
