package io.wabridge.egress.deadletter;

/**
 * Headers egress adds to a dead-lettered outbound record, next to all of the source record's own
 * headers and {@code failure-reason}. Values are UTF-8 strings; absent when unknown.
 */
public final class DeadLetterHeaders {

    public static final String SOURCE_TOPIC = "dlt-source-topic";
    public static final String SOURCE_PARTITION = "dlt-source-partition";
    public static final String SOURCE_OFFSET = "dlt-source-offset";
    /** The Graph error code that decided the failure, e.g. {@code 131047}. */
    public static final String GRAPH_ERROR_CODE = "graph-error-code";
    public static final String GRAPH_ERROR_TITLE = "graph-error-title";
    public static final String GRAPH_ERROR_MESSAGE = "graph-error-message";
    /** {@code error_data.details}. */
    public static final String GRAPH_ERROR_DETAILS = "graph-error-details";
    public static final String GRAPH_FBTRACE_ID = "graph-fbtrace-id";
    /** HTTP status of the last attempt, when there was a response. */
    public static final String GRAPH_HTTP_STATUS = "graph-http-status";

    private DeadLetterHeaders() {
    }
}
