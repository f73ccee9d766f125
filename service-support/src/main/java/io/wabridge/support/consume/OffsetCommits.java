package io.wabridge.support.consume;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plain consumer offset commits, for work that made its own outcome durable before it finished
 * (egress: the send ledger entry is written before a send counts as finished). Asynchronous at
 * the commit interval, synchronous on revocation and stop. A failed commit is only logged: the
 * offsets are committed at the next interval, or the records are redelivered, which the work
 * must tolerate.
 */
public final class OffsetCommits<R> implements CommitStyle<R> {

    private static final Logger log = LoggerFactory.getLogger(OffsetCommits.class);

    @Override
    public boolean startsNextOnFinish() {
        return true;
    }

    @Override
    public void commit(Consumer<String, byte[]> consumer, List<R> results, Map<TopicPartition, OffsetAndMetadata> offsets, boolean sync,
                       java.util.function.Consumer<Map<TopicPartition, OffsetAndMetadata>> committed) {
        if (offsets.isEmpty()) {
            return;
        }
        if (!sync) {
            consumer.commitAsync(offsets, (done, failure) -> {
                if (failure == null) {
                    committed.accept(done);
                } else {
                    log.warn("offset commit failed, will retry: {}", failure.toString());
                }
            });
            return;
        }
        try {
            consumer.commitSync(offsets);
            committed.accept(offsets);
        } catch (KafkaException e) {
            log.warn("could not commit offsets {}; their records will be consumed again: {}", offsets.keySet(), e.toString());
        }
    }
}
