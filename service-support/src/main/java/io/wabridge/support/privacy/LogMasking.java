package io.wabridge.support.privacy;

import io.wabridge.model.privacy.Masking;
import io.wabridge.support.endpoint.Endpoint;
import io.wabridge.support.endpoint.Endpoints;
import java.util.Optional;

/**
 * Which {@link Masking} a log line about an endpoint's user uses: the endpoint's
 * {@code data-protection.mask-logging} (default on), and always masked when the endpoint is not
 * known, since then nobody has asked for plain logs.
 */
public final class LogMasking {

    private LogMasking() {
    }

    public static Masking of(Endpoint endpoint) {
        return endpoint == null || endpoint.settings().dataProtection().maskLogging() ? Masking.ON : Masking.OFF;
    }

    public static Masking of(Optional<Endpoint> endpoint) {
        return of(endpoint.orElse(null));
    }

    /** For a line that has only a conversation key ({@code phoneNumberId:userId}): the endpoint of its number. */
    public static Masking forKey(Endpoints endpoints, String conversationKey) {
        if (conversationKey == null) {
            return Masking.ON;
        }
        int at = conversationKey.indexOf(':');
        return of(at <= 0 ? Optional.empty() : endpoints.byPhoneNumberId(conversationKey.substring(0, at)));
    }

    /**
     * The throwable to log: itself when unmasked; masked, a stand-in with the same stack trace
     * whose messages name only the exception classes, because exception messages (a JSON parser's,
     * a validation's) may quote the user's text or number.
     */
    public static Throwable throwable(Masking masking, Throwable cause) {
        if (!masking.enabled() || cause == null) {
            return cause;
        }
        MaskedException masked = new MaskedException(cause.getClass().getName() + " (message masked)",
                throwable(masking, cause.getCause() == cause ? null : cause.getCause()));
        masked.setStackTrace(cause.getStackTrace());
        return masked;
    }

    /** An exception's message for a log line or a dead-letter header: masked, only its class. */
    public static String message(Masking masking, Throwable cause) {
        if (cause == null) {
            return null;
        }
        return masking.enabled() ? cause.getClass().getSimpleName() + " (message masked)" : String.valueOf(cause.getMessage());
    }

    /**
     * A free-form message from elsewhere (a Graph API error, a parser) with the conversation's user
     * id masked wherever it appears in it; unchanged when unmasked.
     */
    public static String scrubUser(Masking masking, String text, String conversationKey) {
        if (!masking.enabled() || text == null || conversationKey == null) {
            return text;
        }
        String user = conversationKey.substring(conversationKey.indexOf(':') + 1);
        return user.isEmpty() ? text : text.replace(user, masking.id(user));
    }

    /** Stands in for an exception whose message was masked; its stack trace is the original's. */
    static final class MaskedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MaskedException(String message, Throwable cause) {
            super(message, cause, false, true);
        }
    }
}
