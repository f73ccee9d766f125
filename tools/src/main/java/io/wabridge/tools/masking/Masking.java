package io.wabridge.tools.masking;

/**
 * Masks what identifies a person in command output: phone numbers and user ids keep their first
 * and last three characters ({@code 491*****234}), message texts become {@code ***}. Unmasked, it
 * shows everything as it is.
 */
public record Masking(boolean enabled) {

    public static final Masking ON = new Masking(true);
    public static final Masking OFF = new Masking(false);
    private static final int SHOWN = 3;

    /** A phone number or user id. */
    public String id(String value) {
        if (!enabled || value == null) {
            return value;
        }
        int length = value.length();
        if (length <= 2 * SHOWN) {
            return "*".repeat(length);
        }
        return value.substring(0, SHOWN) + "*".repeat(length - 2 * SHOWN) + value.substring(length - SHOWN);
    }

    /**
     * A WhatsApp message id: real wamids are base64 that can contain the user's phone number, so
     * masked only the last eight characters stay ({@code wamid.…0Q0RBQkM}), enough to tell messages apart.
     */
    public String messageId(String value) {
        if (!enabled || value == null || value.length() <= 16) {
            return value;
        }
        return (value.startsWith("wamid.") ? "wamid.…" : "…") + value.substring(value.length() - 8);
    }

    /** A conversation key {@code phoneNumberId:userId}: the business number stays, the user id is masked. */
    public String key(String key) {
        if (!enabled || key == null) {
            return key;
        }
        int at = key.indexOf(':');
        return at < 0 ? id(key) : key.substring(0, at + 1) + id(key.substring(at + 1));
    }

    /** Free text a person wrote or was sent. */
    public String text(String value) {
        if (!enabled || value == null) {
            return value;
        }
        return "***";
    }
}
