package io.wabridge.processor.conversation;

import io.wabridge.model.privacy.Masking;
import io.wabridge.model.state.ConversationState;
import io.wabridge.support.kafka.EventCodec;
import io.wabridge.support.privacy.LogMasking;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-memory copy of the conversation state of the partitions this instance owns, restored
 * from the changelog topic on assignment. Changelog partition n holds the conversations of
 * inbound partition n. Not thread-safe: only the consuming thread touches it.
 */
public final class ConversationStore {

    private static final Logger log = LoggerFactory.getLogger(ConversationStore.class);
    private static final EventCodec CODEC = new EventCodec();

    private final String topic;
    private final Retention retention;
    private final Clock clock;
    private final Map<String, Entry> states = new HashMap<>();

    /** @param changed when the state was last written: what retention counts from */
    private record Entry(int partition, ConversationState state, Instant changed) {
    }

    /** A conversation whose state has been untouched for longer than its retention. */
    public record Idle(String conversationKey, int partition) {
    }

    public ConversationStore(String topic, Retention retention, Clock clock) {
        this.topic = topic;
        this.retention = retention;
        this.clock = clock;
    }

    public String topic() {
        return topic;
    }

    public ConversationState get(String conversationKey) {
        Entry entry = states.get(conversationKey);
        return entry == null ? ConversationState.NEW : entry.state();
    }

    /** Applies a state that has been (or is being) written to the changelog. */
    public void put(String conversationKey, int partition, ConversationState state) {
        states.put(conversationKey, new Entry(partition, state, clock.instant()));
    }

    /**
     * Up to {@code limit} conversations untouched for longer than their retention, skipping those
     * {@code busy} says have records in flight, those in a handover (only the agent side can
     * end one, however long it takes) and those with inputs parked behind an identity claim.
     */
    public List<Idle> idle(Predicate<String> busy, int limit) {
        Instant now = clock.instant();
        return states.entrySet().stream()
                .filter(e -> !e.getValue().state().handover() && e.getValue().state().parked().isEmpty() && !busy.test(e.getKey()))
                .filter(e -> retention.keepFor(e.getKey())
                        .map(keep -> now.isAfter(e.getValue().changed().plus(keep))).orElse(false))
                .limit(limit)
                .map(e -> new Idle(e.getKey(), e.getValue().partition()))
                .toList();
    }

    /** A conversation with an open handover, as {@link #openHandovers()} lists it. */
    public record Held(String conversationKey, int partition, ConversationState state) {
    }

    /** The conversations with an open handover (their inactivity timers run on the poll thread). */
    public List<Held> openHandovers() {
        return states.entrySet().stream()
                .filter(e -> e.getValue().state().handover())
                .map(e -> new Held(e.getKey(), e.getValue().partition(), e.getValue().state()))
                .toList();
    }

    /** How often {@link #idle} is worth asking; empty when nothing is ever forgotten. */
    public Optional<Duration> sweepInterval() {
        return retention.sweepInterval();
    }

    /** The changelog tombstone that forgets a conversation when compaction runs. */
    public ProducerRecord<String, byte[]> tombstone(Idle idle) {
        return new ProducerRecord<>(topic, idle.partition(), idle.conversationKey(), null);
    }

    /** Forgets conversations whose tombstones were committed. */
    public void forget(Collection<Idle> forgotten) {
        forgotten.forEach(idle -> states.remove(idle.conversationKey()));
    }

    public int size() {
        return states.size();
    }

    /** The changelog record for a state, on the same partition number as the conversation's inbound records. */
    public ProducerRecord<String, byte[]> changelogRecord(String conversationKey, int partition, ConversationState state) {
        return CODEC.record(topic, partition, conversationKey, state, null);
    }

    /** Forgets the conversations of partitions this instance no longer owns. */
    public void drop(Collection<Integer> partitions) {
        Set<Integer> gone = Set.copyOf(partitions);
        states.values().removeIf(entry -> gone.contains(entry.partition()));
    }

    /**
     * Reads the changelog partitions to their end (committed records only) and loads them.
     *
     * @param consumer a read_committed consumer without a group, used only for restoring
     */
    public void restore(Consumer<String, byte[]> consumer, Collection<Integer> partitions, Duration timeout) {
        if (partitions.isEmpty()) {
            return;
        }
        List<TopicPartition> changelog = partitions.stream().map(p -> new TopicPartition(topic, p)).toList();
        Instant deadline = Instant.now().plus(timeout);
        int loaded = 0;
        try {
            consumer.assign(changelog);
            consumer.seekToBeginning(changelog);
            Map<TopicPartition, Long> end = consumer.endOffsets(changelog);
            while (!reached(consumer, end)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("restoring " + changelog + " took longer than " + timeout);
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    apply(record);
                    loaded++;
                }
            }
        } finally {
            consumer.assign(List.of());
        }
        log.info("Restored {} state records from {} partitions {}", loaded, topic, partitions);
    }

    private static boolean reached(Consumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    /** Loads one changelog record: a state, or a tombstone that forgets the conversation. */
    void apply(ConsumerRecord<String, byte[]> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            states.remove(record.key());
            return;
        }
        try {
            states.put(record.key(), new Entry(record.partition(), CODEC.read(record, ConversationState.class),
                    Instant.ofEpochMilli(record.timestamp())));
        } catch (RuntimeException e) {
            // A state we cannot read must not stop the partition: the conversation starts afresh.
            // Masked always: the store does not know endpoints, and unknown means masked.
            log.error("Unreadable state for {} at {}-{}@{}, starting afresh", Masking.ON.key(record.key()), record.topic(),
                    record.partition(), record.offset(), LogMasking.throwable(Masking.ON, e));
        }
    }
}
