package io.wabridge.processor.pipeline;

import io.wabridge.model.event.InboundEvent;
import io.wabridge.model.state.ConversationState;
import io.wabridge.processor.conversation.ConversationStore;
import io.wabridge.support.kafka.EventCodec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One consumer, one transactional producer and the state of the partitions they own, driven by
 * a single thread. Records are queued per conversation; the head of each queue runs on a worker;
 * completed turns are committed together (replies, dead letters, state, offsets) and only then
 * is the conversation's next record started. Any Kafka failure ends the session: the next one
 * starts from the committed offsets and state, so nothing half-done survives.
 */
final class ConsumingSession implements ConsumerRebalanceListener, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ConsumingSession.class);
    private static final Duration IDLE_POLL = Duration.ofMillis(200);
    /** Forgetting is housekeeping: a bounded batch per sweep keeps each transaction and pause short. */
    private static final int MAX_FORGOTTEN_PER_SWEEP = 10_000;

    private final Consumer<String, byte[]> consumer;
    private final Producer<String, byte[]> producer;
    private final Consumer<String, byte[]> restorer;
    private final ConversationStore store;
    private final TurnHandler handler;
    private final EventCodec codec;
    private final Executor workers;
    private final PipelineSettings settings;
    private final String inboundTopic;

    private final BlockingQueue<Turn> completed = new LinkedBlockingQueue<>();
    private final ConversationQueues conversations = new ConversationQueues();
    private final InFlight inFlight = new InFlight();
    private final Map<Integer, Long> epochs = new HashMap<>();
    private long lastEpoch;
    private volatile Set<Integer> assigned = Set.of();
    private long lastCommitNanos = System.nanoTime();
    private long lastSweepNanos = System.nanoTime();
    private boolean closing;
    private volatile boolean consuming;

    ConsumingSession(Consumer<String, byte[]> consumer, Producer<String, byte[]> producer, Consumer<String, byte[]> restorer,
                     ConversationStore store, TurnHandler handler, EventCodec codec, Executor workers,
                     PipelineSettings settings, String inboundTopic) {
        this.consumer = consumer;
        this.producer = producer;
        this.restorer = restorer;
        this.store = store;
        this.handler = handler;
        this.codec = codec;
        this.workers = workers;
        this.settings = settings;
        this.inboundTopic = inboundTopic;
    }

    /** Consumes until {@code active} turns false, then lets running turns finish and commits them. */
    void run(BooleanSupplier active) {
        requireMatchingPartitions();
        producer.initTransactions();
        consumer.subscribe(List.of(inboundTopic), this);
        consuming = true;
        while (active.getAsBoolean()) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(inFlight.size() > 0 ? settings.commitInterval() : IDLE_POLL)) {
                dispatch(record);
            }
            // Pacing commits batches the turns of many conversations into one transaction under load.
            if (System.nanoTime() - lastCommitNanos >= settings.commitInterval().toNanos()) {
                commit(drain());
                lastCommitNanos = System.nanoTime();
            }
            sweepIfDue();
            applyBackpressure();
        }
        drainAndCommit(Set.copyOf(epochs.keySet()));
    }

    /** Changelog partition n holds inbound partition n's conversations: the counts must match. */
    private void requireMatchingPartitions() {
        int inbound = consumer.partitionsFor(inboundTopic).size();
        int changelog = restorer.partitionsFor(store.topic()).size();
        if (inbound != changelog) {
            throw new IllegalStateException("wabridge.processor.conversations.topic " + store.topic() + " has " + changelog
                    + " partitions but " + inboundTopic + " has " + inbound + "; they must match");
        }
    }

    private void dispatch(ConsumerRecord<String, byte[]> record) {
        inFlight.polled(new TopicPartition(record.topic(), record.partition()), record.offset());
        long epoch = epochs.getOrDefault(record.partition(), -1L);
        InboundEvent event;
        try {
            event = codec.read(record, InboundEvent.class);
        } catch (RuntimeException e) {
            completed.add(handler.unreadable(new Work(record, null, record.key(), epoch), e));
            return;
        }
        String key = record.key() != null ? record.key() : event.conversationKey();
        Work work = new Work(record, event, key, epoch);
        if (conversations.add(work)) {
            start(work);
        }
    }

    private void start(Work work) {
        ConversationState state = store.get(work.key());
        workers.execute(() -> {
            Turn turn;
            try {
                turn = handler.handle(work, state);
            } catch (RuntimeException | Error e) {
                // Every started turn must complete, or its conversation and its partition's offset would stall.
                turn = handler.crashed(work, state, e);
            }
            completed.add(turn);
        });
    }

    private List<Turn> drain() {
        List<Turn> turns = new ArrayList<>();
        completed.drainTo(turns);
        return turns;
    }

    /** Writes the turns, their state and the advanced offsets in one transaction, then starts what waited. */
    private void commit(List<Turn> turns) {
        List<Turn> current = turns.stream().filter(this::isCurrent).toList();
        if (current.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> offsets;
        producer.beginTransaction();
        try {
            for (Turn turn : current) {
                ConsumerRecord<String, byte[]> source = turn.work().record();
                for (ProducerRecord<String, byte[]> record : turn.records()) {
                    producer.send(record);
                }
                if (turn.state() != null) {
                    producer.send(store.changelogRecord(turn.work().key(), source.partition(), turn.state()));
                }
                inFlight.done(new TopicPartition(source.topic(), source.partition()), source.offset());
            }
            offsets = inFlight.advanced();
            if (!offsets.isEmpty()) {
                producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
            }
            producer.commitTransaction();
        } catch (KafkaException e) {
            abortQuietly();
            throw e;
        }
        inFlight.committed(offsets);
        for (Turn turn : current) {
            if (turn.state() != null) {
                store.put(turn.work().key(), turn.work().record().partition(), turn.state());
            }
            if (turn.queued()) {
                conversations.next(turn.work().key()).ifPresent(this::start);
            }
        }
    }

    private void sweepIfDue() {
        Duration interval = store.sweepInterval().orElse(null);
        if (interval == null || System.nanoTime() - lastSweepNanos < interval.toNanos()) {
            return;
        }
        lastSweepNanos = System.nanoTime();
        forgetIdleConversations();
    }

    /**
     * Writes tombstones for conversations untouched longer than their retention, in a transaction
     * of their own, and only then forgets them in memory. A conversation with a record in flight
     * is never idle, so no turn can read a state that is being forgotten.
     */
    private void forgetIdleConversations() {
        List<ConversationStore.Idle> idle = store.idle(conversations::busy, MAX_FORGOTTEN_PER_SWEEP);
        if (idle.isEmpty()) {
            return;
        }
        producer.beginTransaction();
        try {
            idle.forEach(conversation -> producer.send(store.tombstone(conversation)));
            producer.commitTransaction();
        } catch (KafkaException e) {
            abortQuietly();
            throw e;
        }
        store.forget(idle);
        log.info("Forgot the state of {} conversation(s) untouched for longer than their retention", idle.size());
    }

    /** Pauses consumption while too much is in flight, so memory stays bounded. */
    private void applyBackpressure() {
        if (inFlight.size() >= settings.maxInFlight()) {
            consumer.pause(consumer.assignment());
        } else if (inFlight.size() < settings.maxInFlight() / 2 && !consumer.paused().isEmpty()) {
            consumer.resume(consumer.paused());
        }
    }

    /**
     * Lets the running turns of {@code partitions} finish (bounded by the drain timeout) and commits
     * them; records still queued behind them are left to whoever owns the partition next.
     */
    private void drainAndCommit(Set<Integer> partitions) {
        conversations.keepOnlyRunning(partitions);
        Instant deadline = Instant.now().plus(settings.drainTimeout());
        List<Turn> turns = new ArrayList<>(drain());
        while (conversations.running(partitions) > finished(turns, partitions) && Instant.now().isBefore(deadline)) {
            try {
                Turn turn = completed.poll(50, TimeUnit.MILLISECONDS);
                if (turn != null) {
                    turns.add(turn);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        commit(turns);
    }

    private long finished(List<Turn> turns, Set<Integer> partitions) {
        return turns.stream()
                .filter(turn -> turn.queued() && isCurrent(turn) && partitions.contains(turn.work().record().partition()))
                .count();
    }

    /** False for a turn whose partition was revoked while it ran: its record is someone else's now. */
    private boolean isCurrent(Turn turn) {
        return epochs.getOrDefault(turn.work().record().partition(), -2L) == turn.work().epoch();
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        Set<Integer> revoked = numbers(partitions);
        if (revoked.isEmpty()) {
            return;
        }
        // Closing the consumer revokes too; by then the session has committed what it could, or failed.
        if (!closing) {
            drainAndCommit(revoked);
        }
        forget(revoked);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
        forget(numbers(partitions));
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        Set<Integer> added = numbers(partitions);
        if (added.isEmpty()) {
            return;
        }
        store.restore(restorer, added, settings.restoreTimeout());
        added.forEach(partition -> epochs.put(partition, ++lastEpoch));
        assigned = Set.copyOf(epochs.keySet());
        log.info("Consuming {} partitions {}", inboundTopic, added);
    }

    /** True once transactions are initialised and the consumer subscribed. */
    boolean consuming() {
        return consuming;
    }

    /** The inbound partitions this session owns (restored and consuming). */
    Set<Integer> assigned() {
        return assigned;
    }

    private void forget(Set<Integer> partitions) {
        partitions.forEach(partition -> {
            inFlight.forget(new TopicPartition(inboundTopic, partition));
            epochs.remove(partition);
        });
        conversations.remove(partitions);
        store.drop(partitions);
        assigned = Set.copyOf(epochs.keySet());
    }

    private Set<Integer> numbers(Collection<TopicPartition> partitions) {
        return partitions.stream().filter(p -> p.topic().equals(inboundTopic)).map(TopicPartition::partition)
                .collect(Collectors.toSet());
    }

    private void abortQuietly() {
        try {
            producer.abortTransaction();
        } catch (KafkaException e) {
            log.warn("Aborting the transaction failed too: {}", e.toString());
        }
    }

    @Override
    public void close() {
        closing = true;
        closeQuietly(consumer);
        closeQuietly(restorer);
        closeQuietly(producer);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            log.warn("Closing {} failed: {}", closeable.getClass().getSimpleName(), e.toString());
        }
    }
}
