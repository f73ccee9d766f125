package io.wabridge.processor.translate;

/** A provider gave no usable answer; its message never carries the key or the texts. */
public class TranslationException extends RuntimeException {

    private final boolean retryable;

    public TranslationException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    /** A rate limit (429), a server error or an I/O failure: worth another attempt. */
    public boolean retryable() {
        return retryable;
    }

    static TranslationException ofStatus(int status) {
        return new TranslationException("HTTP " + status, status == 429 || status >= 500, null);
    }
}
