package io.wabridge.model.state;

import io.wabridge.model.ConversationKey;
import io.wabridge.model.UserIds;

/**
 * Who the user of a conversation is, as far as their webhooks told (docs/events.md, "Conversation
 * key"). Ids a webhook leaves out are kept from earlier ones: Meta withholds the phone number of a
 * username user now and then, and that does not make it unknown.
 *
 * @param flowUserId           the user id the flow has always seen for this person: the first id the
 *                             conversation knew them by (a phone number for conversations begun before
 *                             business-scoped ids existed), kept across identity changes so that the
 *                             flow's contact profile stays one person
 * @param businessScopedUserId the business-scoped user id ({@code CC.…}), when known
 * @param phoneNumber          the phone number ({@code wa_id}), when known
 * @param username             the WhatsApp username, when the user has one
 */
public record UserIdentity(String flowUserId, String businessScopedUserId, String phoneNumber, String username) {

    /** A conversation keyed {@code pnid:userId} before identities were kept: the key's user id is all that is known. */
    public static UserIdentity ofLegacyKey(String conversationKey) {
        String userId = ConversationKey.parse(conversationKey).userId();
        return UserIds.isBusinessScoped(userId)
                ? new UserIdentity(userId, userId, null, null)
                : new UserIdentity(userId, null, userId, null);
    }

    /** The first identity of a conversation: the flow sees the id the conversation is keyed on. */
    public static UserIdentity first(String keyUserId, String businessScopedUserId, String phoneNumber, String username) {
        return new UserIdentity(keyUserId, businessScopedUserId, phoneNumber, username);
    }

    /** This identity with what a newer webhook says; what it leaves out stays as it was. */
    public UserIdentity updatedBy(String newBusinessScopedUserId, String newPhoneNumber, String newUsername) {
        return new UserIdentity(flowUserId, or(newBusinessScopedUserId, businessScopedUserId), or(newPhoneNumber, phoneNumber),
                or(newUsername, username));
    }

    /**
     * This (newer) conversation's identity continuing {@code earlier}'s: the flow keeps seeing the
     * earlier one's user id; the ids are this one's where it knows them.
     */
    public UserIdentity continuing(UserIdentity earlier) {
        if (earlier == null) {
            return this;
        }
        return new UserIdentity(or(earlier.flowUserId, flowUserId), or(businessScopedUserId, earlier.businessScopedUserId),
                or(phoneNumber, earlier.phoneNumber), or(username, earlier.username));
    }

    /** This identity after the user changed number: the old number is no longer theirs. */
    public UserIdentity changedTo(String newBusinessScopedUserId, String newPhoneNumber) {
        return new UserIdentity(flowUserId, or(newBusinessScopedUserId, businessScopedUserId), newPhoneNumber, username);
    }

    /** Whom Graph sends to: the phone number when known (Meta's advice: {@code to}), else the business-scoped id ({@code recipient}). */
    public String recipient() {
        return phoneNumber != null ? phoneNumber : businessScopedUserId;
    }

    private static String or(String preferred, String fallback) {
        return preferred != null && !preferred.isBlank() ? preferred : fallback;
    }
}
