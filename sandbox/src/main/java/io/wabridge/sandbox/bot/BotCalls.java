package io.wabridge.sandbox.bot;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * How often each userId called the bot. End-to-end tests read it to prove exactly-once effects
 * (a redelivered webhook must not reach the bot twice).
 */
@Component
class BotCalls {

    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    /** Counts one call and returns the user's total, this call included. */
    int count(String userId) {
        return calls.computeIfAbsent(userId, id -> new AtomicInteger()).incrementAndGet();
    }

    int of(String userId) {
        AtomicInteger count = calls.get(userId);
        return count == null ? 0 : count.get();
    }

    Map<String, Integer> all() {
        Map<String, Integer> snapshot = new TreeMap<>();
        calls.forEach((user, count) -> snapshot.put(user, count.get()));
        return snapshot;
    }

    void reset() {
        calls.clear();
    }
}
