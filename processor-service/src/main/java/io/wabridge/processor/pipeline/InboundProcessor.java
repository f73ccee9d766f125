package io.wabridge.processor.pipeline;

import io.wabridge.support.consume.ConsumerLoop;
import io.wabridge.support.consume.LoopSession;
import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;

/**
 * Consumes {@code whatsapp.inbound} from start-up to shutdown with the shared engine: sessions of
 * {@link InboundTurns}, replaced after a failure (broker gone, transaction aborted, fenced) from
 * the committed offsets and state. Stopping lets running turns finish and commits them.
 */
public class InboundProcessor extends ConsumerLoop {

    private final Supplier<LoopSession> sessions;
    private final Duration drainTimeout;

    InboundProcessor(Supplier<LoopSession> sessions, Duration drainTimeout) {
        // Stop before the web server and other beans, start after them; open on the loop's thread, retried until the broker answers.
        super("inbound", Integer.MAX_VALUE - 100, false);
        this.sessions = sessions;
        this.drainTimeout = drainTimeout;
    }

    @Override
    protected LoopSession openSession() {
        return sessions.get();
    }

    @Override
    protected Duration stopTimeout() {
        return drainTimeout.plusSeconds(10);
    }

    /** The inbound partitions this instance currently owns; empty while (re)starting. */
    public Set<Integer> assignedPartitions() {
        return owned().stream().map(TopicPartition::partition).collect(Collectors.toUnmodifiableSet());
    }
}
