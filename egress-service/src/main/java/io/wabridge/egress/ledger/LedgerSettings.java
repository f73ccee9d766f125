package io.wabridge.egress.ledger;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The send ledger ({@code wabridge.egress.ledger.*}).
 *
 * @param topic       compacted topic keyed by outbound id (default {@code whatsapp.send-ledger})
 * @param retention   how long the topic keeps an entry; a replay of older records sends again
 *                    (default 7 days)
 * @param maxEntries  outbound ids kept in memory (and read at start-up from the end of the topic),
 *                    oldest evicted first. Redeliveries after a crash or rebalance are recent and
 *                    covered; a replay of a range older than this many sends is not
 *                    (default 200000, about 26 MB)
 * @param loadTimeout longest start-up may take to read the ledger, and a newly assigned partition
 *                    waits for entries other instances wrote (default 60 s)
 */
@ConfigurationProperties("wabridge.egress.ledger")
public record LedgerSettings(String topic, Duration retention, Integer maxEntries, Duration loadTimeout) {

    public LedgerSettings {
        topic = topic == null || topic.isBlank() ? "whatsapp.send-ledger" : topic;
        retention = retention == null ? Duration.ofDays(7) : retention;
        maxEntries = maxEntries == null ? 200_000 : maxEntries;
        loadTimeout = loadTimeout == null ? Duration.ofSeconds(60) : loadTimeout;
        if (maxEntries < 1) {
            throw new IllegalArgumentException("wabridge.egress.ledger.max-entries must be at least 1 but was " + maxEntries);
        }
    }
}
