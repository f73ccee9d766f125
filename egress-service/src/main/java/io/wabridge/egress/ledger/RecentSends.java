package io.wabridge.egress.ledger;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The in-memory side of the ledger: the outbound ids of recent sends, oldest evicted beyond a
 * bound. Only the ids: the wamids stay on the topic, which keeps about 130 bytes per entry.
 * Beside them, the intents not (yet) followed by an accepted entry, with when they were written:
 * only sends in flight or interrupted by a crash, so few.
 */
final class RecentSends {

    private final Map<String, Boolean> sends;
    private final Map<String, Instant> intents;

    RecentSends(int maxEntries) {
        this.sends = bounded(maxEntries);
        this.intents = bounded(maxEntries);
    }

    private static <V> Map<String, V> bounded(int maxEntries) {
        return new LinkedHashMap<>(1024, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > maxEntries;
            }
        };
    }

    synchronized void add(String outboundId) {
        sends.put(outboundId, Boolean.TRUE);
        intents.remove(outboundId);
    }

    /** An intent never hides an accepted send (egress reads its own intents back after the send). */
    synchronized void addIntent(String outboundId, Instant writtenAt) {
        if (!sends.containsKey(outboundId)) {
            intents.put(outboundId, writtenAt);
        }
    }

    /** When the intent was written, or null when the ledger has none pending for this id. */
    synchronized Instant intentOf(String outboundId) {
        return intents.get(outboundId);
    }

    synchronized boolean contains(String outboundId) {
        return sends.containsKey(outboundId);
    }

    synchronized int size() {
        return sends.size();
    }
}
