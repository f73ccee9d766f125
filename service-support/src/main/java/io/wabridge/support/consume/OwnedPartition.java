package io.wabridge.support.consume;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * One assignment of a partition to a {@link KeyOrderedSession}: a partition assigned again later
 * gets a new one, so work that outlived the old assignment is recognised (its partition is gone).
 */
final class OwnedPartition {

    final OffsetTracker tracker;
    /** Records started and not yet finished or abandoned; updated from the work's threads. */
    final AtomicInteger running = new AtomicInteger();
    /** Set first on revocation: nothing more starts here, running work may stop before repeating anything. */
    volatile boolean revoked;
    /** Set once forgotten: nothing of it is committed any more. */
    volatile boolean gone;

    OwnedPartition(OffsetTracker tracker) {
        this.tracker = tracker;
    }

    boolean isRevoked() {
        return revoked;
    }

    boolean isGone() {
        return gone;
    }
}
