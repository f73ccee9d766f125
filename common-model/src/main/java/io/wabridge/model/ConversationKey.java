package io.wabridge.model;

import java.util.Objects;

/**
 * Identifies one conversation: {@code {phoneNumberId}:{userId}}, where the user id is the
 * business-scoped user id (in every webhook since 2026), else the {@code wa_id} (older payloads).
 * It is the partition key on every topic, so a conversation lives on one partition end to end;
 * docs/events.md, "Conversation key", says how state keyed on a phone number by earlier versions,
 * and a user's change of number, move to the key that continues the conversation.
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
