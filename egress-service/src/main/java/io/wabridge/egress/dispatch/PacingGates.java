package io.wabridge.egress.dispatch;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pacing gate each recipient's next message must pass (the previous message's delay, or its
 * delivery): left by one message, read by the next. The engine runs a recipient's messages one at
 * a time, so a gate is never set and read at once. A gate is forgotten once open, so memory
 * follows the recipients being paced.
 */
final class PacingGates {

    private static final CompletableFuture<Void> OPEN = CompletableFuture.completedFuture(null);

    private final Map<String, CompletableFuture<Void>> gates = new ConcurrentHashMap<>();

    CompletableFuture<Void> of(String recipient) {
        return gates.getOrDefault(recipient, OPEN);
    }

    void set(String recipient, CompletableFuture<Void> gate) {
        gates.put(recipient, gate);
        gate.whenComplete((ignored, failure) -> gates.remove(recipient, gate));
    }

    int size() {
        return gates.size();
    }
}
