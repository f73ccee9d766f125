package io.wabridge.processor.cognigy;

/**
 * A Cognigy call that produced no usable answer.
 *
 * @see Failure
 */
public class CognigyException extends RuntimeException {

    /** Why; the wire value goes into the dead letter's {@code failure-reason} header. */
    public enum Failure {
        /** 5xx, 429, timeout or connection failure: worth retrying. */
        UNAVAILABLE("cognigy-unavailable", true),
        /** The circuit breaker is open: Cognigy failed too often lately, not even tried. */
        CIRCUIT_OPEN("cognigy-circuit-open", false),
        /** 4xx: the request or the endpoint configuration is wrong; retrying cannot help. */
        REJECTED("cognigy-rejected", false),
        /** 2xx but not the REST Endpoint's JSON. */
        MALFORMED("cognigy-malformed-response", false);

        private final String reason;
        private final boolean retryable;

        Failure(String reason, boolean retryable) {
            this.reason = reason;
            this.retryable = retryable;
        }

        public String reason() {
            return reason;
        }
    }

    private final Failure failure;

    public CognigyException(Failure failure, String message, Throwable cause) {
        super(message, cause);
        this.failure = failure;
    }

    public Failure failure() {
        return failure;
    }

    boolean retryable() {
        return failure.retryable;
    }
}
