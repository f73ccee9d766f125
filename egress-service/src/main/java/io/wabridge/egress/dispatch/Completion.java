package io.wabridge.egress.dispatch;

/** How a record tells the poll loop that it is done. Exactly one of the two is called, once. */
interface Completion {

    /** The outcome is durable: the offset may be committed. */
    void finished();

    /** No durable outcome (a Kafka write failed): frees the in-flight slot, keeps the offset uncommitted. */
    void abandoned();
}
