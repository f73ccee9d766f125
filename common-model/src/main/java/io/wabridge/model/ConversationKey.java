package io.wabridge.model;

import java.util.Objects;

/**
 * Identifies one conversation: {@code {phoneNumberId}:{userId}}, where the user id is the
 * user's {@code wa_id} when the webhook carries one, else the business-scoped {@code user_id}.
 * It is the partition key on every topic, so a conversation lives on one partition end to end.
 */
public record ConversationKey(String phoneNumberId, String userId) {

    private static final char SEPARATOR = ':';

    public ConversationKey {
        requireText(phoneNumberId, "phoneNumberId");
        requireText(userId, "userId");
        if (phoneNumberId.indexOf(SEPARATOR) >= 0) {
            throw new IllegalArgumentException("phoneNumberId must not contain ':' but was " + phoneNumberId);
        }
    }

    /** Parses the wire form; the user id may itself contain ':' (only the first one separates). */
    public static ConversationKey parse(String key) {
        Objects.requireNonNull(key, "key");
        int at = key.indexOf(SEPARATOR);
        if (at <= 0 || at == key.length() - 1) {
            throw new IllegalArgumentException("not a conversation key (phoneNumberId:userId): " + key);
        }
        return new ConversationKey(key.substring(0, at), key.substring(at + 1));
    }

    @Override
    public String toString() {
        return phoneNumberId + SEPARATOR + userId;
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
