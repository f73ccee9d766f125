package io.wabridge.egress.ledger;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The send ledger ({@code wabridge.egress.ledger.*}).
 *
 * @param topic       compacted topic keyed by outbound id
 * @param retention   how long the topic keeps an entry; a replay of older records sends again
 * @param maxEntries  outbound ids kept in memory (and read at start-up from the end of the topic),
 *                    oldest evicted first. Redeliveries after a crash or rebalance are recent and
 *                    covered; a replay of a range older than this many sends is not
 *                    (200000 take about 26 MB)
 * @param loadTimeout longest start-up may take to read the ledger, and a newly assigned partition
 *                    waits for entries other instances wrote
 * @param intentWait  how long after an interrupted send's intent egress waits for a status webhook
 *                    proving that Graph accepted it before it sends the message again (about
 *                    the time Meta takes to send the {@code sent} status)
 */
@ConfigurationProperties("wabridge.egress.ledger")
public record LedgerSettings(
        @DefaultValue("whatsapp.send-ledger") String topic,
        @DefaultValue("7d") Duration retention,
        @DefaultValue("200000") Integer maxEntries,
        @DefaultValue("60s") Duration loadTimeout,
        @DefaultValue("20s") Duration intentWait) {

    public LedgerSettings {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("wabridge.egress.ledger.max-entries must be at least 1 but was " + maxEntries);
        }
    }
}
