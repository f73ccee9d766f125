package io.wabridge.processor.transform;

/**
 * A hook call that failed: the script threw, ran out of time or statements, or returned something
 * Cognigy's rules reject. {@code reason} is a metric tag ({@code timeout}, {@code statement-limit},
 * {@code script-error}, {@code invalid-result}, {@code storage-too-large}).
 */
public final class TransformerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String reason;

    public TransformerException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public TransformerException(String reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
