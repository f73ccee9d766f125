package io.wabridge.model.settings;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;

/**
 * A credential (access token, app secret, verify token). {@code toString()} never shows it, so a
 * settings record can be logged; call {@link #reveal()} only where the value is used.
 */
public record Secret(String value) {

    private static final String MASK = "******";

    public static Secret ofNullable(String value) {
        return value == null || value.isBlank() ? null : new Secret(value);
    }

    public String reveal() {
        return value;
    }

    /** Constant-time comparison, for checking a presented token against this one. */
    public boolean matches(String presented) {
        if (presented == null || value == null) {
            return false;
        }
        return MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }

    public boolean isBlank() {
        return value == null || value.isBlank();
    }

    @Override
    public String toString() {
        return MASK;
    }
}
