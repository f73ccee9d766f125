package io.wabridge.egress.dispatch;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;

/**
 * The records of one recipient (conversation key), run strictly one after another, and the
 * pacing gate the next message must pass. A lane never blocks a thread: it holds futures.
 */
final class Lane {

    private final Queue<Entry> queue = new ArrayDeque<>();
    private boolean running;
    private CompletableFuture<Void> gate = CompletableFuture.completedFuture(null);

    /** Queues the entry; true when the lane was idle and the caller must start it. */
    synchronized boolean add(Entry entry) {
        queue.add(entry);
        if (running) {
            return false;
        }
        running = true;
        return true;
    }

    /** The next entry, or null, in which case the lane is idle again. */
    synchronized Entry next() {
        Entry entry = queue.poll();
        if (entry == null) {
            running = false;
        }
        return entry;
    }

    synchronized CompletableFuture<Void> gate() {
        return gate;
    }

    synchronized void gate(CompletableFuture<Void> gate) {
        this.gate = gate;
    }

    /** Nothing queued, nothing running, and no pacing left to remember: the lane may be forgotten. */
    synchronized boolean idle() {
        return !running && queue.isEmpty() && gate.isDone();
    }

    record Entry(Job job, Completion completion) {
    }
}
