package io.wabridge.support.consume;

/**
 * How the work of one record ended.
 *
 * @param result  what the commit style writes for it (the processor's turn); may be null
 * @param durable true: the record is finished and its offset may be committed; false: it is
 *                abandoned (no durable outcome, e.g. a Kafka write failed, or it was left to the
 *                partition's new owner), which frees its in-flight slot and its key but keeps its
 *                offset uncommitted
 */
public record Outcome<R>(R result, boolean durable) {

    public static <R> Outcome<R> finished(R result) {
        return new Outcome<>(result, true);
    }

    public static <R> Outcome<R> abandoned() {
        return new Outcome<>(null, false);
    }
}
