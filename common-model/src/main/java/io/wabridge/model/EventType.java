package io.wabridge.model;

import io.wabridge.model.event.ChangeEvent;
import io.wabridge.model.event.HandoverEvent;
import io.wabridge.model.event.InboundEvent;
import io.wabridge.model.event.OutboundMessage;
import io.wabridge.model.event.QuarantineRecord;
import io.wabridge.model.event.StatusEvent;
import io.wabridge.model.event.TranscriptEntry;
import io.wabridge.model.state.ConversationState;
import io.wabridge.model.state.LedgerEntry;
import java.util.Arrays;

/**
 * The logical type written in the {@code event-type} header, with the current schema version
 * and the record it maps to. Consumers pick the record by the header, never by a class name.
 */
public enum EventType {
    INBOUND("inbound", InboundEvent.SCHEMA_VERSION, InboundEvent.class),
    STATUS("status", StatusEvent.SCHEMA_VERSION, StatusEvent.class),
    OUTBOUND("outbound", OutboundMessage.SCHEMA_VERSION, OutboundMessage.class),
    QUARANTINE("quarantine", QuarantineRecord.SCHEMA_VERSION, QuarantineRecord.class),
    CHANGE("change", ChangeEvent.SCHEMA_VERSION, ChangeEvent.class),
    TRANSCRIPT("transcript", TranscriptEntry.SCHEMA_VERSION, TranscriptEntry.class),
    HANDOVER("handover", HandoverEvent.SCHEMA_VERSION, HandoverEvent.class),
    CONVERSATION_STATE("conversation-state", ConversationState.SCHEMA_VERSION, ConversationState.class),
    SEND_LEDGER("send-ledger", LedgerEntry.SCHEMA_VERSION, LedgerEntry.class);

    private final String wireName;
    private final int schemaVersion;
    private final Class<?> recordType;

    EventType(String wireName, int schemaVersion, Class<?> recordType) {
        this.wireName = wireName;
        this.schemaVersion = schemaVersion;
        this.recordType = recordType;
    }

    public String wireName() {
        return wireName;
    }

    public int schemaVersion() {
        return schemaVersion;
    }

    public Class<?> recordType() {
        return recordType;
    }

    public static EventType ofWireName(String name) {
        return Arrays.stream(values())
                .filter(type -> type.wireName.equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown event-type: " + name));
    }

    public static EventType of(Class<?> recordType) {
        return Arrays.stream(values())
                .filter(type -> type.recordType.equals(recordType))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not an event record: " + recordType.getName()));
    }
}
