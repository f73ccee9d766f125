package io.wabridge.model.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Masks what identifies a person: phone numbers and user ids keep their first and last three
 * characters ({@code 491*****234}), message texts and data become {@code ***}. Unmasked, it
 * shows everything as it is. The business's own phone number id is not personal data and stays.
 */
public record Masking(boolean enabled) {

    public static final Masking ON = new Masking(true);
    public static final Masking OFF = new Masking(false);
    private static final int SHOWN = 3;
    private static final String MASK = "***";

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

    /**
     * A stable stand-in for a conversation key where the key itself must not reveal the user (a
     * masked transcript): {@code phoneNumberId:} plus a name-based UUID of the key. Pseudonymous,
     * not anonymous: whoever knows a user's number can compute it, which is also how an operator
     * finds a user's transcript for an access or erasure request.
     */
    public static String pseudonymousKey(String key) {
        if (key == null) {
            return null;
        }
        int at = key.indexOf(':');
        String uuid = UUID.nameUUIDFromBytes(("conversation\u0000" + key).getBytes(StandardCharsets.UTF_8)).toString();
        return at < 0 ? uuid : key.substring(0, at + 1) + uuid;
    }

    /** Free text a person wrote or was sent. */
    public String text(String value) {
        if (!enabled || value == null) {
            return value;
        }
        return MASK;
    }

    /** Structured data a person sent or was sent (a flow's {@code data}, a webhook item). */
    public JsonNode data(JsonNode value) {
        if (!enabled || value == null || value.isNull() || value.isMissingNode()) {
            return value;
        }
        return TextNode.valueOf(MASK);
    }
}
