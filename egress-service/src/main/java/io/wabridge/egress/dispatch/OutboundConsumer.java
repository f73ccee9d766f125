package io.wabridge.egress.dispatch;

import io.wabridge.egress.ConsumerLoop;
import io.wabridge.egress.ledger.SendLedger;
import io.wabridge.support.kafka.KafkaClientFactory;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The poll loop over {@code whatsapp.outbound}. It hands each record to its recipient's lane
 * and never waits for a send; finished records come back through a queue, and offsets are
 * committed up to the lowest unfinished record of each partition. When more than
 * {@code max-in-flight} records are unfinished, it pauses all partitions (and keeps polling, so
 * the group membership stays alive) until half of them are done.
 *
 * <p>Why not a spring-kafka listener container: its async acks hold back the next poll until
 * every record of the last one is acknowledged, so one recipient in a long backoff would stall
 * all the others.
 */
final class OutboundConsumer extends ConsumerLoop {

    private static final Logger log = LoggerFactory.getLogger(OutboundConsumer.class);

    private final KafkaClientFactory clients;
    private final ConsumptionSettings settings;
    private final String topic;
    private final OutboundIntake intake;
    private final SendLedger ledger;
    private final OwnershipListener ownership;
    private final Map<TopicPartition, PartitionOffsets> partitions = new HashMap<>();
    private final Queue<Finished> finished = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean paused;
    private final AtomicInteger pauses = new AtomicInteger();
    private long nextCommit;

    /** Told how many of the topic's partitions this instance owns whenever that changes. */
    @FunctionalInterface
    interface OwnershipListener {
        void owned(int owned, int total);
    }

    OutboundConsumer(KafkaClientFactory clients, ConsumptionSettings settings, String topic, OutboundIntake intake, SendLedger ledger,
                     OwnershipListener ownership) {
        // After the ledger and the status reader, stopped before them.
        super("egress-outbound", Integer.MAX_VALUE - 1000);
        this.clients = clients;
        this.settings = settings;
        this.topic = topic;
        this.intake = intake;
        this.ledger = ledger;
        this.ownership = ownership;
    }

    int inFlight() {
        return inFlight.get();
    }

    /** How often consumption was paused since start. */
    int pauses() {
        return pauses.get();
    }

    @Override
    protected Consumer<String, byte[]> open() {
        Consumer<String, byte[]> consumer = clients.consumer(settings.groupId(), "outbound", Map.of(
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxPollRecords()));
        consumer.subscribe(List.of(topic), new Rebalance(consumer));
        nextCommit = System.nanoTime() + settings.commitInterval().toNanos();
        return consumer;
    }

    @Override
    protected void pollOnce(Consumer<String, byte[]> consumer) {
        applyFinished();
        if (System.nanoTime() - nextCommit >= 0) {
            commit(consumer, partitions.keySet(), false);
            nextCommit = System.nanoTime() + settings.commitInterval().toNanos();
        }
        applyBackpressure(consumer);
        for (ConsumerRecord<String, byte[]> record : consumer.poll(settings.pollTimeout())) {
            dispatch(record);
        }
    }

    @Override
    protected String whenFailed() {
        return "unfinished outbound records will be redelivered";
    }

    @Override
    protected Duration stopTimeout() {
        return settings.shutdownGrace().plusSeconds(10);
    }

    private void dispatch(ConsumerRecord<String, byte[]> record) {
        PartitionOffsets offsets = partitions.get(new TopicPartition(record.topic(), record.partition()));
        if (offsets == null) {
            return; // cannot happen: poll only returns records of assigned partitions
        }
        offsets.polled(record.offset());
        offsets.dispatched();
        inFlight.incrementAndGet();
        long offset = record.offset();
        intake.accept(record, offsets::isRevoked, new Completion() {
            @Override
            public void finished() {
                finished.add(new Finished(offsets, offset));
                offsets.settled();
                inFlight.decrementAndGet();
            }

            @Override
            public void abandoned() {
                offsets.settled();
                inFlight.decrementAndGet();
            }
        });
    }

    private void applyFinished() {
        for (Finished done; (done = finished.poll()) != null; ) {
            done.offsets().finished(done.offset());
        }
    }

    private void applyBackpressure(Consumer<String, byte[]> consumer) {
        int unfinished = inFlight.get();
        if (!paused && unfinished >= settings.maxInFlight()) {
            consumer.pause(consumer.assignment());
            paused = true;
            pauses.incrementAndGet();
            log.info("pausing outbound consumption: {} records in flight", unfinished);
        } else if (paused && unfinished <= settings.maxInFlight() / 2) {
            consumer.resume(consumer.paused());
            paused = false;
            log.info("resuming outbound consumption: {} records in flight", unfinished);
        }
    }

    private void commit(Consumer<String, byte[]> consumer, Collection<TopicPartition> which, boolean sync) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : which) {
            PartitionOffsets state = partitions.get(partition);
            if (state != null && state.needsCommit()) {
                offsets.put(partition, new OffsetAndMetadata(state.committable()));
            }
        }
        if (offsets.isEmpty()) {
            return;
        }
        if (sync) {
            consumer.commitSync(offsets);
            markCommitted(offsets);
        } else {
            consumer.commitAsync(offsets, (committed, failure) -> {
                if (failure == null) {
                    markCommitted(committed);
                } else {
                    log.warn("offset commit failed, will retry: {}", failure.toString());
                }
            });
        }
    }

    private void markCommitted(Map<TopicPartition, OffsetAndMetadata> offsets) {
        offsets.forEach((partition, offset) -> {
            PartitionOffsets state = partitions.get(partition);
            if (state != null) {
                state.committed(offset.offset());
            }
        });
    }

    /** Stop: take no more records, give in-flight sends a grace period, commit what finished. */
    @Override
    protected void drain(Consumer<String, byte[]> consumer) {
        consumer.pause(consumer.assignment());
        long deadline = System.nanoTime() + settings.shutdownGrace().toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(50));
            applyFinished();
        }
        applyFinished();
        commit(consumer, partitions.keySet(), true);
        partitions.values().forEach(PartitionOffsets::revoke);
        log.info("outbound consumer stopped with {} records unfinished", inFlight.get());
    }

    private final class Rebalance implements ConsumerRebalanceListener {

        private final Consumer<String, byte[]> consumer;

        Rebalance(Consumer<String, byte[]> consumer) {
            this.consumer = consumer;
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
            // Start nothing more on these partitions, and let the Graph calls already running end
            // (and reach the send ledger) before the partitions move: the new owner reads the ledger
            // when it gets them, so a send still in flight here would otherwise be sent again there.
            List<PartitionOffsets> going = revoked.stream().map(partitions::get).filter(Objects::nonNull).toList();
            going.forEach(PartitionOffsets::revoke);
            awaitSettled(going, settings.shutdownGrace());
            applyFinished();
            try {
                commit(consumer, revoked, true);
            } catch (RuntimeException e) {
                log.warn("could not commit revoked partitions {}: {}", revoked, e.toString());
            }
            forget(revoked);
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
            // Another instance may have sent some of these records just before the rebalance.
            ledger.awaitCaughtUp();
            for (TopicPartition partition : assigned) {
                partitions.put(partition, new PartitionOffsets(consumer.position(partition, Duration.ofSeconds(30))));
            }
            if (paused) {
                consumer.pause(assigned);
            }
            log.info("assigned {}", assigned);
            reportOwnership();
        }

        /** Before a revoked partition's new owner starts sending (it waits for this callback), our share is already down. */
        private void reportOwnership() {
            ownership.owned(partitions.size(), consumer.partitionsFor(topic).size());
        }

        private void awaitSettled(List<PartitionOffsets> going, Duration grace) {
            long deadline = System.nanoTime() + grace.toNanos();
            while (going.stream().anyMatch(offsets -> offsets.outstanding() > 0) && System.nanoTime() < deadline) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            }
            int left = going.stream().mapToInt(PartitionOffsets::outstanding).sum();
            if (left > 0) {
                log.warn("{} send(s) of revoked partitions still running after {}; the new owner may send them again", left, grace);
            }
        }

        private void forget(Collection<TopicPartition> gone) {
            for (TopicPartition partition : gone) {
                PartitionOffsets state = partitions.remove(partition);
                if (state != null) {
                    state.revoke();
                }
            }
            if (!gone.isEmpty()) {
                reportOwnership();
            }
        }
    }

    private record Finished(PartitionOffsets offsets, long offset) {
    }
}
