package io.wabridge.processor.conversation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where conversation state lives ({@code wabridge.processor.conversations.*}).
 *
 * @param topic        the compacted changelog topic; it must
 *                     have as many partitions as the inbound topic: partition n holds the state of
 *                     the conversations on inbound partition n
 * @param dedupeWindow how many recent message ids each conversation remembers; Meta
 *                     redelivers recent messages, so a short window is enough
 * @param retention    how long an untouched conversation's state is kept (by default Meta's redelivery horizon); then it
 *                     is forgotten, in memory and in the changelog, so
 *                     state does not grow with every user ever seen. Never shorter than the endpoint's
 *                     session expiration; {@code 0} = keep forever
 * @param claimLegacyState whether a new conversation (keyed on the business-scoped user id) whose first
 *                     message carries a phone number claims the state that earlier versions kept
 *                     under the phone-number key (docs/events.md, "Conversation key"). It costs that first
 *                     message one more transaction; switch it off once no such state is left (after
 *                     {@code retention}) or for a deployment that never ran an earlier version
 */
@ConfigurationProperties("wabridge.processor.conversations")
public record ConversationSettings(
        @DefaultValue("whatsapp.conversations") String topic,
        @DefaultValue("20") Integer dedupeWindow,
        @DefaultValue("7d") Duration retention,
        @DefaultValue("true") Boolean claimLegacyState) {

    public ConversationSettings {
        if (dedupeWindow < 1) {
            throw new IllegalArgumentException("wabridge.processor.conversations.dedupe-window must be at least 1 but was " + dedupeWindow);
        }
        if (retention.isNegative()) {
            throw new IllegalArgumentException("wabridge.processor.conversations.retention must not be negative but was " + retention);
        }
    }
}
