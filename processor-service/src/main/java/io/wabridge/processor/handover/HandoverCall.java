package io.wabridge.processor.handover;

import io.wabridge.model.EventIds;
import io.wabridge.model.event.HandoverEvent;
import io.wabridge.model.event.HandoverEventType;
import io.wabridge.model.settings.HandoverSettings;
import io.wabridge.model.state.HandoverState;

/**
 * What a provider is given for one step: the conversation, the handover as it stands (its
 * {@code providerData} holds the start's provider-specific fields, e.g. an inbox id) and the
 * endpoint's handover settings.
 */
public record HandoverCall(HandoverContext context, HandoverState handover, HandoverSettings settings) {

    /** A key that is the same whenever this step of this turn is tried again ({@code step}: {@code start}, {@code user/3}…). */
    public String idempotencyKey(String step) {
        return EventIds.handoverEvent(context.inboundEventId(), "provider/" + step);
    }

    /** The {@code user_message} event of a user message, for providers that publish on the handover topic. */
    public HandoverEvent userMessageEvent(UserMessage message) {
        return new HandoverEvent(HandoverEvent.SCHEMA_VERSION, EventIds.handoverEvent(context.inboundEventId(), "user/" + message.sequence()),
                HandoverEventType.USER_MESSAGE, handover.id(), context.endpointId(), context.phoneNumberId(),
                context.conversationKey(), context.userId(), context.contactName(), context.sessionId(),
                handover.provider() != null ? handover.provider() : settings.provider(),
                handover.status(), null, "user", null, null, message.sequence(), message.messageId(), message.messageType(),
                message.text(), message.data(), message.message(), null, context.inboundEventId(), context.at());
    }
}
