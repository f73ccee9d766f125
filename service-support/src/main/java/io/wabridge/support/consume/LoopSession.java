package io.wabridge.support.consume;

import java.util.Set;
import java.util.function.BooleanSupplier;
import org.apache.kafka.common.TopicPartition;

/**
 * One life of a {@link ConsumerLoop}'s clients: opened by the loop, run on its thread until the
 * loop stops or it fails, then closed. A failed session is replaced by a new one.
 */
public interface LoopSession extends AutoCloseable {

    /** Consumes until {@code active} turns false; throws when the session cannot go on. */
    void run(BooleanSupplier active);

    /** True once the session consumes (subscribed or positioned); health is UP only then. */
    boolean consuming();

    /** Partitions this session owns (for a group member); empty for a reader that assigns itself. */
    default Set<TopicPartition> owned() {
        return Set.of();
    }

    /** Records polled and not done. */
    default int inFlight() {
        return 0;
    }

    /** Keys with a record running or waiting. */
    default int keys() {
        return 0;
    }

    /** True while consumption is paused because too much is in flight. */
    default boolean paused() {
        return false;
    }

    /** Times this session paused consumption because too much was in flight. */
    default int pauses() {
        return 0;
    }

    /** Closes the clients; must not throw. */
    @Override
    void close();
}
