package io.wabridge.egress.dispatch;

import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The offsets of one assigned partition that are polled but not finished. The committable
 * offset is the lowest unfinished one (or, with none, the one after the last polled), so a
 * crash never skips an unfinished record, whatever finished after it. Confined to the poll
 * thread, except the revoked flag and the outstanding count.
 */
final class PartitionOffsets {

    private final TreeSet<Long> unfinished = new TreeSet<>();
    private long next;
    private long committed;
    private volatile boolean revoked;
    /** Dispatched records not yet settled (finished or abandoned); updated from the lanes' threads. */
    private final AtomicInteger outstanding = new AtomicInteger();

    PartitionOffsets(long position) {
        this.next = position;
        this.committed = position;
    }

    void polled(long offset) {
        unfinished.add(offset);
        next = Math.max(next, offset + 1);
    }

    void finished(long offset) {
        unfinished.remove(offset);
    }

    long committable() {
        return unfinished.isEmpty() ? next : unfinished.first();
    }

    boolean needsCommit() {
        return committable() > committed;
    }

    void committed(long offset) {
        committed = Math.max(committed, offset);
    }

    int unfinishedCount() {
        return unfinished.size();
    }

    void dispatched() {
        outstanding.incrementAndGet();
    }

    void settled() {
        outstanding.decrementAndGet();
    }

    int outstanding() {
        return outstanding.get();
    }

    void revoke() {
        revoked = true;
    }

    boolean isRevoked() {
        return revoked;
    }
}
