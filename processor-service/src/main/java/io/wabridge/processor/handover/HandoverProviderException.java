package io.wabridge.processor.handover;

/** A provider could not do a step (unreachable, refused); the step is retried, then the handover ends with {@code error}. */
public class HandoverProviderException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public HandoverProviderException(String message) {
        super(message);
    }

    public HandoverProviderException(String message, Throwable cause) {
        super(message, cause);
    }
}
