package io.wabridge.egress.ledger;

import java.time.Instant;

/**
 * One accepted send, the value on the ledger topic (key: outbound id).
 *
 * @param wamid the id Graph gave the message; null for mark-read and typing actions
 */
public record LedgerEntry(int schemaVersion, String outboundId, String wamid, String phoneNumberId,
                          String conversationKey, Instant acceptedAt) {

    public static final int SCHEMA_VERSION = 1;
    /** The {@code event-type} header of ledger records. */
    public static final String EVENT_TYPE = "send-ledger";

    public static LedgerEntry of(String outboundId, String wamid, String phoneNumberId, String conversationKey, Instant acceptedAt) {
        return new LedgerEntry(SCHEMA_VERSION, outboundId, wamid, phoneNumberId, conversationKey, acceptedAt);
    }
}
