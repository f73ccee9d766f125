package io.wabridge.processor.pipeline;

import io.wabridge.model.EventHeaders;
import io.wabridge.model.event.InboundEvent;
import io.wabridge.model.settings.EndpointSettings;
import io.wabridge.model.state.UserIdentity;
import io.wabridge.support.kafka.EventCodec;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * One inbound record to handle; {@code event} is null for an unreadable record.
 *
 * @param inline   an input handled within another record's turn (one that waited for an identity
 *                 transfer): its offset is that record's, so only its message id tells a duplicate
 * @param identity who the user is, once the turn has looked at the conversation's state; null before
 */
record Work(ConsumerRecord<String, byte[]> record, InboundEvent event, String key, boolean inline, UserIdentity identity) {

    Work(ConsumerRecord<String, byte[]> record, InboundEvent event, String key) {
        this(record, event, key, false, null);
    }

    Work(ConsumerRecord<String, byte[]> record, InboundEvent event, String key, boolean inline) {
        this(record, event, key, inline, null);
    }

    Work withIdentity(UserIdentity known) {
        return new Work(record, event, key, inline, known);
    }

    /** Replayed with {@code --force}: handled even if its message id was handled before. */
    boolean forced() {
        return "true".equals(EventCodec.header(record.headers(), EventHeaders.REPLAY_FORCE));
    }

    /** The user id the flow sees (the endpoint's {@code cognigy.user-id}); the event's own before the identity is known. */
    String flowUserId(EndpointSettings.FlowUserId mode) {
        if (identity == null) {
            return event.userId();
        }
        String id = mode == EndpointSettings.FlowUserId.PHONE_NUMBER ? identity.recipient() : identity.flowUserId();
        return id != null ? id : event.userId();
    }

    /** Whom replies go to: the phone number when known, else the business-scoped id (docs/whatsapp.md, "Identity"). */
    String recipient() {
        return identity != null && identity.recipient() != null ? identity.recipient() : event.userId();
    }
}
