package io.wabridge.support.consume;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How a {@link KeyOrderedSession} makes finished work durable: {@link OffsetCommits} (the work
 * made itself durable, only the offsets remain) or {@link TransactionalCommits} (the work's
 * records, its side state and the offsets in one producer transaction).
 */
public interface CommitStyle<R> {

    /**
     * True: a key's next record starts as soon as the previous one finished. False: only once the
     * previous one is committed, so the next one sees what the previous one wrote.
     */
    boolean startsNextOnFinish();

    /** Before the first poll of a session (e.g. initialise transactions). */
    default void open() {
    }

    /**
     * Commits the results of finished work (only what a {@code startsNextOnFinish() == false}
     * style collects; empty otherwise) and the partitions' committable offsets.
     *
     * @param sync      true on revocation and stop: done when this returns
     * @param committed told what was committed, possibly later (async); never for a failed commit
     * @throws RuntimeException when the commit failed and the session must end
     */
    void commit(Consumer<String, byte[]> consumer, List<R> results, Map<TopicPartition, OffsetAndMetadata> offsets, boolean sync,
                java.util.function.Consumer<Map<TopicPartition, OffsetAndMetadata>> committed);

    /** Closes what the style owns (its producer). */
    default void close() {
    }
}
