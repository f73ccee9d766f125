package io.wabridge.support.consume;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One FIFO queue per key: the head of a queue is the key's running (or finished, not yet done)
 * record, the rest wait for it. This is what makes handling strictly sequential per key while
 * keys run concurrently, whatever partition they share. A queue exists only while its key has
 * work, so memory follows the active keys. Thread-safe: a key may be released on the thread that
 * finished its work.
 */
final class KeyQueues<E> {

    private final Map<String, ArrayDeque<E>> queues = new HashMap<>();

    /** Queues {@code entry}; true when it is its key's head and must start now. */
    synchronized boolean add(String key, E entry) {
        ArrayDeque<E> queue = queues.computeIfAbsent(key, k -> new ArrayDeque<>());
        queue.add(entry);
        return queue.size() == 1;
    }

    /**
     * Removes {@code done}, which must be its key's head, and returns the next entry to start, or
     * null. Does nothing when {@code done} is not the head (its queue was replaced since).
     */
    synchronized E next(String key, E done) {
        ArrayDeque<E> queue = queues.get(key);
        if (queue == null || queue.peek() != done) {
            return null;
        }
        queue.poll();
        if (queue.isEmpty()) {
            queues.remove(key);
            return null;
        }
        return queue.peek();
    }

    /** True while the key has a record running, waiting, or finished but not done. */
    synchronized boolean busy(String key) {
        return queues.containsKey(key);
    }

    /** Removes and returns the waiting (not head) entries that match: nothing new starts for them. */
    synchronized List<E> removeWaiting(Predicate<E> which) {
        List<E> removed = new ArrayList<>();
        for (ArrayDeque<E> queue : queues.values()) {
            Iterator<E> entries = queue.iterator();
            entries.next(); // the head runs: it is left to finish
            while (entries.hasNext()) {
                E entry = entries.next();
                if (which.test(entry)) {
                    entries.remove();
                    removed.add(entry);
                }
            }
        }
        return removed;
    }

    /** Keys with work. */
    synchronized int size() {
        return queues.size();
    }
}
