package io.wabridge.bench.load;

/** What the generator sends requests to: a webhook URL or a Kafka topic. */
public interface LoadTarget extends AutoCloseable {

    /**
     * Starts request {@code sequence} (unique across the generator's life) and returns without
     * waiting for it; {@code completion} is told exactly once how it ended, unless it is abandoned.
     */
    void submit(long sequence, long intendedNanos, Completion completion);

    /** Drops requests submitted but not started yet, returning how many. */
    long abandonQueued();

    @Override
    void close();
}
