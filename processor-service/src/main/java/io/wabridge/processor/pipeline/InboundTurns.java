package io.wabridge.processor.pipeline;

import io.wabridge.model.event.InboundEvent;
import io.wabridge.model.state.ConversationState;
import io.wabridge.processor.conversation.ConversationStore;
import io.wabridge.processor.handover.HandoverTimers;
import io.wabridge.support.consume.KeyOrderedSession;
import io.wabridge.support.consume.KeyOrderedSettings;
import io.wabridge.support.consume.KeyedWork;
import io.wabridge.support.consume.Outcome;
import io.wabridge.support.consume.Task;
import io.wabridge.support.consume.TransactionalCommits;
import io.wabridge.support.kafka.EventCodec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a record of {@code whatsapp.inbound} means to the consumption engine: a turn of its
 * conversation, run on a worker with the state the conversation's previous turn committed. A
 * finished turn's replies, dead letters and new state go out in one transaction with the offsets
 * ({@link TransactionalCommits}); only then does the state change in memory and the
 * conversation's next record start. On assignment the partitions' state is restored from the
 * changelog; between polls, idle conversations are forgotten.
 */
final class InboundTurns implements KeyedWork<Turn> {

    static final Duration IDLE_POLL_TIMEOUT = Duration.ofSeconds(1);

    private static final Logger log = LoggerFactory.getLogger(InboundTurns.class);
    /** How often open handovers' inactivity timers are looked at: the timeouts' precision, at a negligible cost. */
    private static final Duration HANDOVER_TIMER_INTERVAL = Duration.ofSeconds(1);
    /** Forgetting is housekeeping: a bounded batch per sweep keeps each transaction and pause short. */
    private static final int MAX_FORGOTTEN_PER_SWEEP = 10_000;

    private final Consumer<String, byte[]> restorer;
    private final ConversationStore store;
    private final TurnHandler handler;
    private final EventCodec codec;
    private final Executor workers;
    private final PipelineSettings settings;
    private final String inboundTopic;
    private final TransactionalCommits<Turn> commits;
    private final HandoverTimers timers;
    private KeyOrderedSession<Turn> session;
    private long lastSweepNanos = System.nanoTime();
    private long lastTimerNanos = System.nanoTime();

    private InboundTurns(Producer<String, byte[]> producer, Consumer<String, byte[]> restorer, ConversationStore store,
                         TurnHandler handler, EventCodec codec, Executor workers, PipelineSettings settings, String inboundTopic,
                         HandoverTimers timers) {
        this.timers = timers;
        this.restorer = restorer;
        this.store = store;
        this.handler = handler;
        this.codec = codec;
        this.workers = workers;
        this.settings = settings;
        this.inboundTopic = inboundTopic;
        this.commits = new TransactionalCommits<>(producer, this::recordsOf, this::applyState);
    }

    /** A consuming session over these clients, which it owns and closes; checks first that the changelog fits the inbound topic. */
    static KeyOrderedSession<Turn> session(Consumer<String, byte[]> consumer, Producer<String, byte[]> producer,
                                           Consumer<String, byte[]> restorer, ConversationStore store, TurnHandler handler,
                                           EventCodec codec, Executor workers, PipelineSettings settings, String inboundTopic,
                                           HandoverTimers timers) {
        InboundTurns turns = new InboundTurns(producer, restorer, store, handler, codec, workers, settings, inboundTopic, timers);
        try {
            turns.requireMatchingPartitions(consumer);
        } catch (RuntimeException e) {
            closeQuietly(consumer);
            closeQuietly(producer);
            closeQuietly(restorer);
            throw e;
        }
        // Pacing commits batches the turns of many conversations into one transaction under load. While turns
        // wait for a commit the poll wakes up by the commit interval; an idle session only once a second
        // (records end a poll at once, so this costs the first message after a quiet spell nothing).
        KeyOrderedSettings consumption = new KeyOrderedSettings(settings.maxInFlight(), settings.commitInterval(),
                IDLE_POLL_TIMEOUT, settings.drainTimeout());
        turns.session = new KeyOrderedSession<>("inbound", consumer, List.of(inboundTopic), turns, turns.commits, consumption,
                Runnable::run);
        return turns.session;
    }

    /** Changelog partition n holds inbound partition n's conversations: the counts must match. */
    private void requireMatchingPartitions(Consumer<String, byte[]> consumer) {
        int inbound = consumer.partitionsFor(inboundTopic).size();
        int changelog = restorer.partitionsFor(store.topic()).size();
        if (inbound != changelog) {
            throw new IllegalStateException("wabridge.processor.conversations.topic " + store.topic() + " has " + changelog
                    + " partitions but " + inboundTopic + " has " + inbound + "; they must match");
        }
    }

    @Override
    public Task<Turn> prepare(ConsumerRecord<String, byte[]> record, BooleanSupplier revoked) {
        InboundEvent event;
        try {
            event = codec.read(record, InboundEvent.class);
        } catch (RuntimeException e) {
            Turn deadLetter = handler.unreadable(new Work(record, null, record.key()), e);
            return new Task<>(null, () -> CompletableFuture.completedFuture(Outcome.finished(deadLetter)));
        }
        String key = record.key() != null ? record.key() : event.conversationKey();
        Work work = new Work(record, event, key);
        return new Task<>(key, () -> start(work));
    }

    /** On the poll thread: the state the conversation's previous turn committed, then the turn on a worker. */
    private CompletableFuture<Outcome<Turn>> start(Work work) {
        ConversationState state = store.get(work.key());
        return CompletableFuture.supplyAsync(() -> {
            try {
                return Outcome.finished(handler.handle(work, state));
            } catch (RuntimeException | Error e) {
                // Every started turn must finish, or its conversation and its partition's offset would stall.
                return Outcome.finished(handler.crashed(work, state, e));
            }
        }, workers);
    }

    private List<ProducerRecord<String, byte[]>> recordsOf(Turn turn) {
        if (turn.state() == null) {
            return turn.records();
        }
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(turn.records());
        records.add(store.changelogRecord(turn.work().key(), turn.work().record().partition(), turn.state()));
        return records;
    }

    /** After the commit: the conversation's next turn reads this state. */
    private void applyState(Turn turn) {
        if (turn.state() != null) {
            store.put(turn.work().key(), turn.work().record().partition(), turn.state());
        }
    }

    @Override
    public void assigned(Consumer<String, byte[]> consumer, Collection<TopicPartition> partitions, Set<TopicPartition> owned) {
        Set<Integer> added = numbers(partitions);
        if (!added.isEmpty()) {
            store.restore(restorer, added, settings.restoreTimeout());
            log.info("Consuming {} partitions {}", inboundTopic, added);
        }
    }

    @Override
    public void released(Consumer<String, byte[]> consumer, Collection<TopicPartition> partitions, Set<TopicPartition> owned) {
        store.drop(numbers(partitions));
    }

    @Override
    public void afterPoll() {
        if (System.nanoTime() - lastTimerNanos >= HANDOVER_TIMER_INTERVAL.toNanos()) {
            lastTimerNanos = System.nanoTime();
            fireHandoverTimers();
        }
        Duration interval = store.sweepInterval().orElse(null);
        if (interval == null || System.nanoTime() - lastSweepNanos < interval.toNanos()) {
            return;
        }
        lastSweepNanos = System.nanoTime();
        forgetIdleConversations();
    }

    /**
     * Writes the due inactivity timers of open handovers as records on their conversations' own
     * inbound partitions, in a transaction of their own: they are then handled as turns, in order.
     */
    private void fireHandoverTimers() {
        List<HandoverTimers.Due> due = timers.due(store.openHandovers(), Instant.now());
        if (due.isEmpty()) {
            return;
        }
        commits.inTransaction(producer -> due.forEach(timer ->
                producer.send(codec.record(inboundTopic, timer.partition(), timer.conversationKey(), timer.event(), null))));
        log.debug("Wrote {} handover inactivity timer record(s)", due.size());
    }

    /**
     * Writes tombstones for conversations untouched longer than their retention, in a transaction
     * of their own, and only then forgets them in memory. A conversation with a record in flight
     * is never idle, so no turn can read a state that is being forgotten.
     */
    private void forgetIdleConversations() {
        List<ConversationStore.Idle> idle = store.idle(session::busy, MAX_FORGOTTEN_PER_SWEEP);
        if (idle.isEmpty()) {
            return;
        }
        commits.inTransaction(producer -> idle.forEach(conversation -> producer.send(store.tombstone(conversation))));
        store.forget(idle);
        log.info("Forgot the state of {} conversation(s) untouched for longer than their retention", idle.size());
    }

    @Override
    public void close() {
        closeQuietly(restorer);
    }

    private Set<Integer> numbers(Collection<TopicPartition> partitions) {
        return partitions.stream().filter(p -> p.topic().equals(inboundTopic)).map(TopicPartition::partition)
                .collect(Collectors.toSet());
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            log.warn("Closing {} failed: {}", closeable.getClass().getSimpleName(), e.toString());
        }
    }
}
