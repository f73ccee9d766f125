package io.wabridge.bench.load;

/** Told once per request how it ended. */
@FunctionalInterface
public interface Completion {

    /** A status that is no HTTP status: the request failed on the way (I/O error, timeout, send failure). */
    int FAILED = -1;

    /**
     * @param status        the HTTP status, 200 for an acknowledged Kafka send, or {@link #FAILED}
     * @param intendedNanos when the request was due ({@link System#nanoTime()}); latency is measured from here
     */
    void completed(int status, long intendedNanos);
}
