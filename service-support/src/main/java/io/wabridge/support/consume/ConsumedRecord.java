package io.wabridge.support.consume;

import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A polled record in a {@link KeyOrderedSession}: its task, its partition's assignment and how it ended. */
final class ConsumedRecord<R> {

    final ConsumerRecord<String, byte[]> record;
    final OwnedPartition partition;
    final Task<R> task;
    /** Set once the record is done or dropped: it leaves the in-flight count exactly once. */
    final AtomicBoolean settled = new AtomicBoolean();
    volatile Outcome<R> outcome;

    ConsumedRecord(ConsumerRecord<String, byte[]> record, OwnedPartition partition, Task<R> task) {
        this.record = record;
        this.partition = partition;
        this.task = task;
    }
}
