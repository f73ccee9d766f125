package io.wabridge.model.state;

import java.time.Instant;

/**
 * One send Graph accepted, the value on the compacted {@code whatsapp.send-ledger} topic
 * (key: outbound id). Egress refuses to send an outbound id the ledger has.
 *
 * @param wamid the id Graph gave the message; null for mark-read and typing actions
 */
public record LedgerEntry(int schemaVersion, String outboundId, String wamid, String phoneNumberId,
                          String conversationKey, Instant acceptedAt) {

    public static final int SCHEMA_VERSION = 1;

    public static LedgerEntry of(String outboundId, String wamid, String phoneNumberId, String conversationKey, Instant acceptedAt) {
        return new LedgerEntry(SCHEMA_VERSION, outboundId, wamid, phoneNumberId, conversationKey, acceptedAt);
    }
}
