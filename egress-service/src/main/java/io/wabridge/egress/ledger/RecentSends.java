package io.wabridge.egress.ledger;

import java.util.LinkedHashMap;
import java.util.Map;

/** The in-memory side of the ledger: outbound id → wamid, the oldest evicted beyond a bound. */
final class RecentSends {

    /** Stands for "accepted without a wamid" (actions), since the map cannot hold null. */
    private static final String NO_WAMID = "";

    private final Map<String, String> sends;

    RecentSends(int maxEntries) {
        this.sends = new LinkedHashMap<>(1024, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > maxEntries;
            }
        };
    }

    synchronized void put(String outboundId, String wamid) {
        sends.put(outboundId, wamid == null ? NO_WAMID : wamid);
    }

    synchronized boolean contains(String outboundId) {
        return sends.containsKey(outboundId);
    }

    synchronized int size() {
        return sends.size();
    }
}
