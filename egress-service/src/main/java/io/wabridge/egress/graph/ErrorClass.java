package io.wabridge.egress.graph;

/**
 * What a failed send means for the sender, decided by the Graph error code (never the HTTP
 * status alone: 131056 has been seen with HTTP 400). The table is in {@code docs/whatsapp.md}
 * ("Errors") and the egress README.
 */
public enum ErrorClass {
    /** 5xx, timeouts, unreadable answers, 131000, 1, 2, 4, 80007, 131016, 133004: retry with backoff. */
    TRANSIENT(true),
    /** 130429: the number's throughput limit; the whole number pauses. */
    NUMBER_THROTTLED(true),
    /** 131056: too many messages to this one recipient; only that recipient waits, 4^n s. */
    PAIR_THROTTLED(true),
    /** 131057: the number is in maintenance (throughput upgrade); retry after about a minute. */
    MAINTENANCE(true),
    /** 131048: spam rate limit; long backoff and an error log for a human. */
    SPAM_LIMITED(true),
    /** Retrying cannot help (131047, 131026, bad parameters, template errors…): dead letter. */
    PERMANENT(false),
    /** 190, 368, 131031: token or account unusable; dead letter and open the number's circuit. */
    ACCOUNT_BLOCKED(false),
    /** Not sent: the number's circuit is open after an account error. */
    CIRCUIT_OPEN(false),
    /** Not sent: this instance lost the partition, another one owns the record now. */
    CANCELLED(false);

    private final boolean retryable;

    ErrorClass(boolean retryable) {
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
