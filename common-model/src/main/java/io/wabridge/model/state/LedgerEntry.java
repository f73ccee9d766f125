package io.wabridge.model.state;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * One send, the value on the compacted {@code whatsapp.send-ledger} topic (key: outbound id).
 * Egress refuses to send an outbound id the ledger has as accepted. Before a message send it
 * writes an {@link State#INTENT intent} entry for the same key, which the accepted entry replaces
 * (compaction keeps the newest): an intent without an accepted entry marks a send a crash may have
 * interrupted after Graph's answer.
 *
 * @param wamid      the id Graph gave the message; null for mark-read and typing actions, and intents
 * @param acceptedAt when Graph accepted it; null for intents (the record's timestamp says when it was written)
 * @param state      absent for an accepted send (every entry written before intents existed is one)
 */
public record LedgerEntry(int schemaVersion, String outboundId, String wamid, String phoneNumberId,
                          String conversationKey, Instant acceptedAt, State state) {

    public static final int SCHEMA_VERSION = 1;

    /** What an entry says about its outbound id. */
    public enum State {
        /** About to be sent: written and acknowledged before the Graph call. */
        @JsonProperty("intent") INTENT
    }

    public static LedgerEntry of(String outboundId, String wamid, String phoneNumberId, String conversationKey, Instant acceptedAt) {
        return new LedgerEntry(SCHEMA_VERSION, outboundId, wamid, phoneNumberId, conversationKey, acceptedAt, null);
    }

    public static LedgerEntry intent(String outboundId, String phoneNumberId, String conversationKey) {
        return new LedgerEntry(SCHEMA_VERSION, outboundId, null, phoneNumberId, conversationKey, null, State.INTENT);
    }

    @JsonIgnore
    public boolean isIntent() {
        return state == State.INTENT;
    }
}
