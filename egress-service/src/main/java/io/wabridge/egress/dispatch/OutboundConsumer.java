package io.wabridge.egress.dispatch;

import io.wabridge.egress.ledger.SendLedger;
import io.wabridge.support.consume.ConsumerLoop;
import io.wabridge.support.consume.KeyOrderedSession;
import io.wabridge.support.consume.KeyOrderedSettings;
import io.wabridge.support.consume.KeyedWork;
import io.wabridge.support.consume.LoopSession;
import io.wabridge.support.consume.OffsetCommits;
import io.wabridge.support.consume.Task;
import io.wabridge.support.kafka.KafkaClientFactory;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Consumes {@code whatsapp.outbound} with the shared engine: one recipient's records are sent one
 * after another, recipients never wait for each other; offsets are committed (plain consumer
 * commits) up to the lowest unfinished record once a send is in the ledger or dead-lettered. On
 * revocation, sends already running get {@code shutdown-grace} to reach the send ledger before
 * the partition moves: its new owner reads the ledger first, so they are not sent twice.
 */
final class OutboundConsumer extends ConsumerLoop {

    private final KafkaClientFactory clients;
    private final ConsumptionSettings settings;
    private final String topic;
    private final OutboundIntake intake;
    private final SendLedger ledger;
    private final OwnershipListener ownership;

    /** Told how many of the topic's partitions this instance owns whenever that changes. */
    @FunctionalInterface
    interface OwnershipListener {
        void owned(int owned, int total);
    }

    OutboundConsumer(KafkaClientFactory clients, ConsumptionSettings settings, String topic, OutboundIntake intake, SendLedger ledger,
                     OwnershipListener ownership) {
        // After the ledger and the status reader, stopped before them.
        super("outbound", Integer.MAX_VALUE - 1000, true);
        this.clients = clients;
        this.settings = settings;
        this.topic = topic;
        this.intake = intake;
        this.ledger = ledger;
        this.ownership = ownership;
    }

    @Override
    protected LoopSession openSession() {
        Consumer<String, byte[]> consumer = clients.consumer(settings.groupId(), "outbound", Map.of(
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxPollRecords()));
        KeyOrderedSettings consumption = new KeyOrderedSettings(settings.maxInFlight(), settings.commitInterval(),
                settings.pollTimeout(), settings.shutdownGrace());
        return new KeyOrderedSession<>("outbound", consumer, List.of(topic), new Sends(), new OffsetCommits<>(), consumption,
                intake.worker());
    }

    @Override
    protected Duration stopTimeout() {
        return settings.shutdownGrace().plusSeconds(10);
    }

    private final class Sends implements KeyedWork<Void> {

        @Override
        public Task<Void> prepare(ConsumerRecord<String, byte[]> record, BooleanSupplier revoked) {
            return intake.prepare(record, revoked);
        }

        @Override
        public void assigned(Consumer<String, byte[]> consumer, Collection<TopicPartition> partitions, Set<TopicPartition> owned) {
            // Another instance may have sent some of these records just before the rebalance.
            ledger.awaitCaughtUp();
            reportOwnership(consumer, owned);
        }

        /** Before a revoked partition's new owner starts sending (it waits for this callback), our share is already down. */
        @Override
        public void released(Consumer<String, byte[]> consumer, Collection<TopicPartition> partitions, Set<TopicPartition> owned) {
            reportOwnership(consumer, owned);
        }

        private void reportOwnership(Consumer<String, byte[]> consumer, Set<TopicPartition> owned) {
            ownership.owned(owned.size(), consumer.partitionsFor(topic).size());
        }
    }
}
