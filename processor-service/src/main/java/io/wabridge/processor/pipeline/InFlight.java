package io.wabridge.processor.pipeline;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Offsets polled but not yet committed, per partition. Turns complete out of order (conversations
 * run concurrently), so a partition's committable offset is its lowest unfinished offset, or the
 * next one to poll when nothing is unfinished. Records committed beyond a crash point are skipped
 * on replay by the conversation state, which is written in the same transaction as their replies.
 */
final class InFlight {

    private final Map<TopicPartition, TreeSet<Long>> pending = new HashMap<>();
    private final Map<TopicPartition, Long> next = new HashMap<>();
    private final Map<TopicPartition, Long> committed = new HashMap<>();
    private int size;

    void polled(TopicPartition partition, long offset) {
        if (pending.computeIfAbsent(partition, p -> new TreeSet<>()).add(offset)) {
            size++;
        }
        next.merge(partition, offset + 1, Math::max);
    }

    void done(TopicPartition partition, long offset) {
        TreeSet<Long> offsets = pending.get(partition);
        if (offsets != null && offsets.remove(offset)) {
            size--;
        }
    }

    int size() {
        return size;
    }

    boolean pending(TopicPartition partition) {
        TreeSet<Long> offsets = pending.get(partition);
        return offsets != null && !offsets.isEmpty();
    }

    /** Offsets that moved since the last call, to commit with the transaction. */
    Map<TopicPartition, OffsetAndMetadata> advanced() {
        Map<TopicPartition, OffsetAndMetadata> result = new HashMap<>();
        next.forEach((partition, nextOffset) -> {
            TreeSet<Long> offsets = pending.get(partition);
            long commit = offsets == null || offsets.isEmpty() ? nextOffset : offsets.first();
            if (commit > committed.getOrDefault(partition, -1L)) {
                result.put(partition, new OffsetAndMetadata(commit));
            }
        });
        return result;
    }

    void committed(Map<TopicPartition, OffsetAndMetadata> offsets) {
        offsets.forEach((partition, offset) -> committed.put(partition, offset.offset()));
    }

    void forget(TopicPartition partition) {
        TreeSet<Long> offsets = pending.remove(partition);
        if (offsets != null) {
            size -= offsets.size();
        }
        next.remove(partition);
        committed.remove(partition);
    }
}
