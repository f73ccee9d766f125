package io.wabridge.sandbox.graph;

/** A valid body of {@code POST /{version}/{phone-number-id}/messages}: a message to send, or a read receipt. */
sealed interface GraphRequest {

    /** A message for {@code to}; {@code callbackData} is echoed in its statuses. */
    record Send(String to, String type, String callbackData) implements GraphRequest {
    }

    /** Mark {@code messageId} as read, optionally showing the typing indicator. */
    record MarkRead(String messageId, boolean typing) implements GraphRequest {
    }
}
