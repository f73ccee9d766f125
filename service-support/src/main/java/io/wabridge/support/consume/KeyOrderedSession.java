package io.wabridge.support.consume;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Key-ordered consumption with one consumer, driven by one thread: records are queued per key
 * ({@link Task#key()}), the head of each key's queue runs, and the key's next record starts only
 * when the previous one is <em>done</em>: finished for {@link OffsetCommits}, committed for
 * {@link TransactionalCommits}. Offsets are committed per partition up to the lowest record that
 * is not finished. See the package documentation for what this guarantees and what it does not.
 *
 * <p>A record is, in turn: <b>queued</b> (behind its key's previous record), <b>running</b>,
 * then <b>finished</b> (a durable outcome: its offset may be committed) or <b>abandoned</b> (no
 * durable outcome: its offset stays uncommitted), and <b>done</b> once its key may move on;
 * a queued record of a revoked partition is <b>dropped</b> (its partition's next owner consumes it).
 */
public final class KeyOrderedSession<R> implements LoopSession, ConsumerRebalanceListener {

    private static final Logger log = LoggerFactory.getLogger(KeyOrderedSession.class);

    private final String name;
    private final Consumer<String, byte[]> consumer;
    private final Collection<String> topics;
    private final KeyedWork<R> work;
    private final CommitStyle<R> commits;
    private final KeyOrderedSettings settings;
    private final Executor continuations;

    private final Map<TopicPartition, OwnedPartition> partitions = new HashMap<>();
    private final KeyQueues<ConsumedRecord<R>> queues = new KeyQueues<>();
    private final Queue<ConsumedRecord<R>> completed = new ConcurrentLinkedQueue<>();
    /** Finished, not yet committed: only for a style that starts a key's next record after the commit. */
    private final List<ConsumedRecord<R>> uncommitted = new ArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger pauses = new AtomicInteger();
    private volatile Set<TopicPartition> owned = Set.of();
    private volatile boolean paused;
    private volatile boolean consuming;
    private boolean closing;
    private long nextCommit;

    /**
     * @param consumer      a consumer of the group, not yet subscribed, auto-commit off; owned and closed by this
     * @param continuations runs what follows a record's completion (starting the key's next record);
     *                      never let it be a Kafka client's own thread
     */
    public KeyOrderedSession(String name, Consumer<String, byte[]> consumer, Collection<String> topics, KeyedWork<R> work,
                             CommitStyle<R> commits, KeyOrderedSettings settings, Executor continuations) {
        this.name = name;
        this.consumer = consumer;
        this.topics = List.copyOf(topics);
        this.work = work;
        this.commits = commits;
        this.settings = settings;
        this.continuations = continuations;
    }

    @Override
    public void run(BooleanSupplier active) {
        commits.open();
        consumer.subscribe(topics, this);
        consuming = true;
        nextCommit = System.nanoTime() + settings.commitInterval().toNanos();
        while (active.getAsBoolean()) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(pollTimeout())) {
                dispatch(record);
            }
            collectCompleted();
            if (System.nanoTime() - nextCommit >= 0) {
                commit(false);
                nextCommit = System.nanoTime() + settings.commitInterval().toNanos();
            }
            work.afterPoll();
            applyBackpressure();
        }
        // Stopping hands every partition on like a revocation: running work gets the grace, what finished is committed.
        handOver(List.copyOf(partitions.keySet()));
    }

    /**
     * The idle poll timeout while nothing waits for a commit; otherwise at most until the next
     * commit is due, so work that finishes during a poll is committed on time (a transactional
     * style starts a key's next record only after that commit). An idle session thus wakes once
     * per poll timeout, not once per commit interval.
     */
    private Duration pollTimeout() {
        if (!commitPending()) {
            return settings.pollTimeout();
        }
        long untilCommit = Math.max(0, nextCommit - System.nanoTime());
        // Whole milliseconds, rounded up: the client's timer counts in them, and poll(0) a moment early would only spin.
        Duration until = Duration.ofMillis((untilCommit + 999_999) / 1_000_000);
        return until.compareTo(settings.pollTimeout()) < 0 ? until : settings.pollTimeout();
    }

    /** Records in flight, results finished and not committed, or offsets not yet committed. */
    private boolean commitPending() {
        if (inFlight.get() > 0 || !uncommitted.isEmpty() || !completed.isEmpty()) {
            return true;
        }
        for (OwnedPartition partition : partitions.values()) {
            if (partition.tracker.needsCommit()) {
                return true;
            }
        }
        return false;
    }

    private void dispatch(ConsumerRecord<String, byte[]> record) {
        OwnedPartition partition = partitions.get(new TopicPartition(record.topic(), record.partition()));
        if (partition == null) {
            return; // cannot happen: poll returns records of assigned partitions only
        }
        partition.tracker.polled(record.offset());
        inFlight.incrementAndGet();
        ConsumedRecord<R> entry = new ConsumedRecord<>(record, partition, work.prepare(record, partition::isRevoked));
        if (entry.task.key() == null || queues.add(entry.task.key(), entry)) {
            start(entry);
        }
    }

    private void start(ConsumedRecord<R> entry) {
        entry.partition.running.incrementAndGet();
        CompletionStage<Outcome<R>> outcome;
        try {
            outcome = entry.task.start().get();
        } catch (RuntimeException | Error e) {
            outcome = CompletableFuture.failedFuture(e);
        }
        outcome.whenCompleteAsync((result, failure) -> finished(entry, result, failure), continuations);
    }

    /** On a continuation thread: hand the outcome to the poll thread and, where the style allows, start the key's next record. */
    private void finished(ConsumedRecord<R> entry, Outcome<R> outcome, Throwable failure) {
        if (failure != null) {
            log.error("{}: work of {}-{}@{} failed without an outcome; its offset stays uncommitted", name,
                    entry.record.topic(), entry.record.partition(), entry.record.offset(), failure);
        }
        entry.outcome = failure == null && outcome != null ? outcome : Outcome.abandoned();
        if (entry.outcome.durable()) {
            completed.add(entry); // before "not running": a revocation waiting for this record must find it
        }
        entry.partition.running.decrementAndGet();
        if (!entry.outcome.durable() || commits.startsNextOnFinish()) {
            done(entry);
        }
    }

    /** The key's next record may start; records of revoked partitions are dropped on the way. */
    private void done(ConsumedRecord<R> entry) {
        if (!entry.settled.compareAndSet(false, true)) {
            return;
        }
        inFlight.decrementAndGet();
        if (entry.task.key() == null) {
            return;
        }
        for (ConsumedRecord<R> next = queues.next(entry.task.key(), entry); next != null; next = queues.next(next.task.key(), next)) {
            if (!next.partition.isRevoked()) {
                start(next);
                return;
            }
            drop(next);
        }
    }

    private void collectCompleted() {
        for (ConsumedRecord<R> entry; (entry = completed.poll()) != null; ) {
            if (entry.partition.isGone()) {
                done(entry); // its partition is someone else's now: nothing of it is committed here
                continue;
            }
            entry.partition.tracker.finished(entry.record.offset());
            if (!commits.startsNextOnFinish()) {
                uncommitted.add(entry);
            }
        }
    }

    private void commit(boolean sync) {
        List<ConsumedRecord<R>> batch = new ArrayList<>(uncommitted);
        uncommitted.clear();
        List<ConsumedRecord<R>> current = new ArrayList<>();
        for (ConsumedRecord<R> entry : batch) {
            if (entry.partition.isGone()) {
                done(entry);
            } else {
                current.add(entry);
            }
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        partitions.forEach((partition, state) -> {
            if (state.tracker.needsCommit()) {
                offsets.put(partition, new OffsetAndMetadata(state.tracker.committable()));
            }
        });
        commits.commit(consumer, current.stream().map(entry -> entry.outcome.result()).toList(), offsets, sync, this::committed);
        current.forEach(this::done);
    }

    private void committed(Map<TopicPartition, OffsetAndMetadata> offsets) {
        offsets.forEach((partition, offset) -> {
            OwnedPartition state = partitions.get(partition);
            if (state != null) {
                state.tracker.committed(offset.offset());
            }
        });
    }

    /** Pauses every partition while too much is in flight; polling goes on, so the group membership stays alive. */
    private void applyBackpressure() {
        int unfinished = inFlight.get();
        if (!paused && unfinished >= settings.maxInFlight()) {
            consumer.pause(consumer.assignment());
            paused = true;
            pauses.incrementAndGet();
            log.info("{}: pausing consumption, {} records in flight", name, unfinished);
        } else if (paused && unfinished <= settings.maxInFlight() / 2) {
            consumer.resume(consumer.paused());
            paused = false;
            log.info("{}: resuming consumption, {} records in flight", name, unfinished);
        }
    }

    /**
     * The one revocation protocol: start nothing more on these partitions (their queued records
     * are dropped), give their running work the grace to finish, commit what finished, then
     * forget them. Work still running after the grace is left behind: its outcome is not committed
     * here, and the new owner consumes its record again.
     */
    private void handOver(Collection<TopicPartition> revoked) {
        List<OwnedPartition> going = revoked.stream().map(partitions::get).filter(Objects::nonNull).toList();
        if (going.isEmpty()) {
            return;
        }
        going.forEach(partition -> partition.revoked = true);
        queues.removeWaiting(entry -> entry.partition.revoked).forEach(this::drop);
        long deadline = System.nanoTime() + settings.revokeGrace().toNanos();
        while (going.stream().anyMatch(partition -> partition.running.get() > 0) && System.nanoTime() - deadline < 0) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
        int left = going.stream().mapToInt(partition -> partition.running.get()).sum();
        if (left > 0) {
            log.warn("{}: {} record(s) of revoked partitions still running after {}; their new owner handles them again", name, left,
                    settings.revokeGrace());
        }
        collectCompleted();
        commit(true);
        forget(revoked);
    }

    private void drop(ConsumedRecord<R> entry) {
        if (entry.settled.compareAndSet(false, true)) {
            inFlight.decrementAndGet();
        }
    }

    private void forget(Collection<TopicPartition> gone) {
        boolean changed = false;
        for (TopicPartition partition : gone) {
            OwnedPartition state = partitions.remove(partition);
            if (state != null) {
                state.revoked = true;
                state.gone = true;
                changed = true;
            }
        }
        queues.removeWaiting(entry -> entry.partition.gone).forEach(this::drop);
        owned = Set.copyOf(partitions.keySet());
        if (changed) {
            work.released(consumer, gone, owned);
        }
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
        if (closing) {
            forget(revoked); // the session already committed what it could when it stopped, or it failed
        } else {
            handOver(revoked);
        }
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> lost) {
        forget(lost);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
        if (assigned.isEmpty()) {
            return;
        }
        for (TopicPartition partition : assigned) {
            partitions.put(partition, new OwnedPartition(new OffsetTracker(consumer.position(partition, Duration.ofSeconds(30)))));
        }
        owned = Set.copyOf(partitions.keySet());
        if (paused) {
            consumer.pause(assigned);
        }
        work.assigned(consumer, assigned, owned);
        log.info("{}: assigned {}", name, assigned);
    }

    @Override
    public boolean consuming() {
        return consuming;
    }

    @Override
    public Set<TopicPartition> owned() {
        return owned;
    }

    @Override
    public int inFlight() {
        return inFlight.get();
    }

    @Override
    public int keys() {
        return queues.size();
    }

    @Override
    public boolean paused() {
        return paused;
    }

    @Override
    public int pauses() {
        return pauses.get();
    }

    /** True while the key has a record running, waiting, or finished and not yet done. */
    public boolean busy(String key) {
        return queues.busy(key);
    }

    @Override
    public void close() {
        closing = true;
        consuming = false;
        try {
            consumer.close();
        } catch (RuntimeException e) {
            log.warn("{}: closing the consumer failed: {}", name, e.toString());
        }
        try {
            commits.close();
        } catch (RuntimeException e) {
            log.warn("{}: closing the commit style failed: {}", name, e.toString());
        }
        work.close();
    }
}
