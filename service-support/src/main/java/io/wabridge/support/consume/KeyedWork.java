package io.wabridge.support.consume;

import java.util.Collection;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/** The service's part of a {@link KeyOrderedSession}: what a record means and what changes of ownership mean. */
public interface KeyedWork<R> {

    /**
     * On the poll thread, once per record, in offset order per partition.
     *
     * @param revoked true once this instance no longer owns the record's partition: work still
     *                running should stop before it repeats anything (a retry), the new owner does it
     */
    Task<R> prepare(ConsumerRecord<String, byte[]> record, BooleanSupplier revoked);

    /** After partitions were assigned, before any of their records is polled (restore state, catch up a ledger). */
    default void assigned(Consumer<String, byte[]> consumer, Collection<TopicPartition> partitions, Set<TopicPartition> owned) {
    }

    /** After partitions were revoked (what finished is committed) or lost (nothing committed). */
    default void released(Consumer<String, byte[]> consumer, Collection<TopicPartition> partitions, Set<TopicPartition> owned) {
    }

    /** On the poll thread after every poll: housekeeping that must not race with the records' work. */
    default void afterPoll() {
    }

    /** When the session closes: closes what the work owns for the session (a restoring consumer); must not throw. */
    default void close() {
    }
}
