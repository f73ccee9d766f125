package io.wabridge.support.consume;

import java.util.TreeSet;

/**
 * The offsets of one assigned partition that are polled but not finished. Records of different
 * keys finish out of order, so the committable offset is the lowest unfinished one (or, with none,
 * the one after the last polled): a crash never skips an unfinished record, whatever finished
 * after it. An abandoned record is never finished, so it holds the commit until the partition is
 * consumed again (after a restart or by its next owner). Confined to the poll thread.
 */
final class OffsetTracker {

    private final TreeSet<Long> unfinished = new TreeSet<>();
    private long next;
    private long committed;

    /** @param position the consumer's position when the partition was assigned: committable while nothing is polled */
    OffsetTracker(long position) {
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

    int unfinished() {
        return unfinished.size();
    }
}
