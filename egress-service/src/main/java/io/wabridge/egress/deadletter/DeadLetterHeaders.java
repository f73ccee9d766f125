package io.wabridge.egress.deadletter;

/**
 * The Graph error headers egress adds to a dead-lettered outbound record, next to the ones every
 * dead letter has ({@code DeadLetterRecords}). Values are UTF-8 strings; absent when unknown.
 */
public final class DeadLetterHeaders {

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
