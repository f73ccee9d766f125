package io.wabridge.support.consume;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One producer transaction per commit: the records of every finished result (replies, dead
 * letters, a state changelog record…) and the consumer offsets they advance
 * ({@code sendOffsetsToTransaction}), then {@code afterCommit} for each result (e.g. the state
 * becomes visible in memory), and only then the result's key may start its next record. A failed
 * transaction is aborted and ends the session: the next one starts from the committed offsets,
 * so nothing half-written survives. Consumers reading the output must use {@code read_committed}.
 */
public final class TransactionalCommits<R> implements CommitStyle<R> {

    private static final Logger log = LoggerFactory.getLogger(TransactionalCommits.class);

    private final Producer<String, byte[]> producer;
    private final Function<R, List<ProducerRecord<String, byte[]>>> recordsOf;
    private final java.util.function.Consumer<R> afterCommit;

    /** @param producer a transactional producer ({@code transactional.id} set), owned and closed by this */
    public TransactionalCommits(Producer<String, byte[]> producer, Function<R, List<ProducerRecord<String, byte[]>>> recordsOf,
                                java.util.function.Consumer<R> afterCommit) {
        this.producer = producer;
        this.recordsOf = recordsOf;
        this.afterCommit = afterCommit;
    }

    @Override
    public boolean startsNextOnFinish() {
        return false;
    }

    @Override
    public void open() {
        producer.initTransactions();
    }

    @Override
    public void commit(Consumer<String, byte[]> consumer, List<R> results, Map<TopicPartition, OffsetAndMetadata> offsets, boolean sync,
                       java.util.function.Consumer<Map<TopicPartition, OffsetAndMetadata>> committed) {
        if (results.isEmpty() && offsets.isEmpty()) {
            return;
        }
        inTransaction(() -> {
            results.forEach(result -> recordsOf.apply(result).forEach(producer::send));
            if (!offsets.isEmpty()) {
                producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
            }
        });
        committed.accept(offsets);
        results.forEach(afterCommit);
    }

    /**
     * Writes in a transaction of its own, on the poll thread (e.g. tombstones of forgotten state);
     * a failure aborts it and is thrown, ending the session.
     */
    public void inTransaction(java.util.function.Consumer<Producer<String, byte[]>> writes) {
        inTransaction(() -> writes.accept(producer));
    }

    private void inTransaction(Runnable writes) {
        producer.beginTransaction();
        try {
            writes.run();
            producer.commitTransaction();
        } catch (KafkaException e) {
            try {
                producer.abortTransaction();
            } catch (KafkaException abort) {
                log.warn("Aborting the transaction failed too: {}", abort.toString());
            }
            throw e;
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
