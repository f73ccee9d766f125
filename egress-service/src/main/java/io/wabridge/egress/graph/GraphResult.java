package io.wabridge.egress.graph;

import io.wabridge.model.event.WhatsAppError;

/**
 * The outcome of one Graph API call.
 *
 * @param wamid      the id Graph gave an accepted message (null for accepted mark-read/typing actions)
 * @param httpStatus the HTTP status, or 0 when there was no response (timeout, connection refused)
 * @param errorClass null when accepted, else what the failure means
 * @param error      the Graph error body, when there was one
 * @param reason     a human-readable summary for logs and the dead-letter header
 */
public record GraphResult(String wamid, int httpStatus, ErrorClass errorClass, WhatsAppError error, String reason) {

    public static GraphResult accepted(String wamid, int httpStatus) {
        return new GraphResult(wamid, httpStatus, null, null, "accepted");
    }

    public static GraphResult failed(ErrorClass errorClass, int httpStatus, WhatsAppError error, String reason) {
        return new GraphResult(null, httpStatus, errorClass, error, reason);
    }

    public static GraphResult notSent(ErrorClass errorClass, String reason) {
        return new GraphResult(null, 0, errorClass, null, reason);
    }

    public boolean isAccepted() {
        return errorClass == null;
    }

    public boolean isRetryable() {
        return errorClass != null && errorClass.retryable();
    }
}
