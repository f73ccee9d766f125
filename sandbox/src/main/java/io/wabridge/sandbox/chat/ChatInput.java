package io.wabridge.sandbox.chat;

import io.wabridge.model.UserIds;
import java.util.regex.Pattern;

/**
 * What the chat page sends: a typed text, or a click on a bot's button or list row.
 *
 * @param userId the user's wa_id (digits, like a phone number), or a business-scoped user id
 *               ({@code US.1234…}) to play a username user whose phone number Meta withholds
 * @param name        the profile name WhatsApp shows the business
 * @param phoneNumber for a business-scoped {@code userId}: the phone number Meta shares in this
 *                    webhook ({@code from}, {@code wa_id}); absent = withheld, as for a username user
 */
record ChatInput(String userId, String name, String text, Reply reply, String phoneNumber) {

    private static final Pattern WA_ID = Pattern.compile("\\d{5,20}");
    static final int TEXT_MAX = 4096;

    /** A click: {@code type} is {@code button_reply} or {@code list_reply}; {@code contextMessageId} is the bot message clicked. */
    record Reply(String type, String id, String title, String description, String contextMessageId) {
    }

    /** Why this input cannot become a webhook, or null when it can. */
    String problem() {
        if (userId == null || !(WA_ID.matcher(userId).matches() || UserIds.isBusinessScoped(userId))) {
            return "userId must be 5 to 20 digits, like a WhatsApp wa_id, or a business-scoped user id like US.1234";
        }
        if (phoneNumber != null && !(WA_ID.matcher(phoneNumber).matches() && UserIds.isBusinessScoped(userId))) {
            return "phoneNumber must be 5 to 20 digits, and goes with a business-scoped userId";
        }
        if (reply != null) {
            if (!"button_reply".equals(reply.type()) && !"list_reply".equals(reply.type())) {
                return "reply.type must be button_reply or list_reply";
            }
            if (blank(reply.id()) || blank(reply.title())) {
                return "reply.id and reply.title are required";
            }
            return null;
        }
        if (blank(text)) {
            return "text or reply is required";
        }
        return text.length() > TEXT_MAX ? "text is longer than " + TEXT_MAX + " characters" : null;
    }

    String profileName() {
        return blank(name) ? "Sandbox User" : name.trim();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
