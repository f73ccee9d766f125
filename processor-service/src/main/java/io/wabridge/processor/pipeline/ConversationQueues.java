package io.wabridge.processor.pipeline;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One FIFO queue of records per conversation; the head of a queue is the conversation's running
 * turn, the rest wait for it. This is what makes handling strictly sequential per conversation
 * while conversations run concurrently. Used by the consuming thread only.
 */
final class ConversationQueues {

    private final Map<String, ArrayDeque<Work>> queues = new HashMap<>();

    /** Queues {@code work}; true when it is its conversation's head and must start now. */
    boolean add(Work work) {
        ArrayDeque<Work> queue = queues.computeIfAbsent(work.key(), key -> new ArrayDeque<>());
        queue.add(work);
        return queue.size() == 1;
    }

    /** Removes the finished head of the conversation's queue and returns the next one to start, if any. */
    Optional<Work> next(String key) {
        ArrayDeque<Work> queue = queues.get(key);
        if (queue == null) {
            return Optional.empty();
        }
        queue.poll();
        if (queue.isEmpty()) {
            queues.remove(key);
            return Optional.empty();
        }
        return Optional.of(queue.peek());
    }

    /** True while the conversation has a record running, waiting, or finished but not yet committed. */
    boolean busy(String key) {
        return queues.containsKey(key);
    }

    /** Drops the waiting records of these partitions, keeping the running heads: nothing new starts there. */
    void keepOnlyRunning(Set<Integer> partitions) {
        queues.values().stream().filter(queue -> on(queue, partitions)).forEach(queue -> {
            Work head = queue.peek();
            queue.clear();
            queue.add(head);
        });
    }

    /** Turns running on these partitions. */
    long running(Set<Integer> partitions) {
        return queues.values().stream().filter(queue -> on(queue, partitions)).count();
    }

    void remove(Set<Integer> partitions) {
        queues.values().removeIf(queue -> on(queue, partitions));
    }

    private static boolean on(ArrayDeque<Work> queue, Set<Integer> partitions) {
        return partitions.contains(queue.peek().record().partition());
    }
}
