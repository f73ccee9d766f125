package io.wabridge.egress.ledger;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The in-memory side of the ledger: the outbound ids of recent sends, oldest evicted beyond a
 * bound. Only the ids: the wamids stay on the topic, which keeps about 130 bytes per entry.
 */
final class RecentSends {

    private final Map<String, Boolean> sends;

    RecentSends(int maxEntries) {
        this.sends = new LinkedHashMap<>(1024, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > maxEntries;
            }
        };
    }

    synchronized void add(String outboundId) {
        sends.put(outboundId, Boolean.TRUE);
    }

    synchronized boolean contains(String outboundId) {
        return sends.containsKey(outboundId);
    }

    synchronized int size() {
        return sends.size();
    }
}
