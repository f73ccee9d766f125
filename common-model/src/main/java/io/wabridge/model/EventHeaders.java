package io.wabridge.model;

/** Header names every wabridge record carries. Values are UTF-8 strings. */
public final class EventHeaders {

    /** Logical event type, see {@link EventType}; never a Java class name. */
    public static final String EVENT_TYPE = "event-type";
    /** Schema version of the value, a decimal integer. */
    public static final String SCHEMA_VERSION = "schema-version";
    /** W3C trace context, so one trace spans ingress, processor and egress. */
    public static final String TRACEPARENT = "traceparent";
    /**
     * On an outbound record: when ingress accepted the webhook (or API call) it answers, ISO-8601
     * UTC; egress measures the end-to-end latency to Graph's accept from it. Absent on replies to
     * replayed records, whose age says nothing about latency.
     */
    public static final String INGRESS_RECEIVED_AT = "ingress-received-at";
    /** Why a record was quarantined or dead-lettered. */
    public static final String FAILURE_REASON = "failure-reason";
    /** On a dead letter: more about the failure (e.g. the downstream error body), when there is more. */
    public static final String FAILURE_DETAIL = "failure-detail";
    /** On a dead letter: where the record was read from, so it can be traced and re-driven. */
    public static final String DLT_SOURCE_TOPIC = "dlt-source-topic";
    public static final String DLT_SOURCE_PARTITION = "dlt-source-partition";
    public static final String DLT_SOURCE_OFFSET = "dlt-source-offset";
    /** On a replayed record: where it was replayed from ({@code topic-partition@offset}). */
    public static final String REPLAYED_FROM = "replayed-from";
    /** On a replayed record: when it was replayed (ISO-8601 UTC). */
    public static final String REPLAYED_AT = "replayed-at";
    /**
     * {@code true} on a record replayed with {@code --force}: the processor handles it even if its
     * message id was handled before, and egress sends it even if the send ledger has its outbound id.
     */
    public static final String REPLAY_FORCE = "replay-force";

    private EventHeaders() {
    }
}
