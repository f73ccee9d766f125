package io.wabridge.model.event;

/**
 * An error as WhatsApp reports it, in a webhook's {@code errors[]} or a Graph API error body.
 *
 * @param code      the error code that decides what to do (never the HTTP status)
 * @param details   {@code error_data.details}
 * @param fbtraceId Meta's trace id, for support requests
 */
public record WhatsAppError(int code, String title, String message, String details, String fbtraceId) {
}
