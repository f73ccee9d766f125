package io.wabridge.ingress.publish;

/**
 * Whether every record of a delivery was acknowledged by the broker.
 *
 * @param failure why not, for logs and the 503 body (null when written)
 */
public record PublishOutcome(boolean written, int records, String failure) {

    static PublishOutcome allWritten(int records) {
        return new PublishOutcome(true, records, null);
    }

    static PublishOutcome notWritten(int records, String failure) {
        return new PublishOutcome(false, records, failure);
    }
}
