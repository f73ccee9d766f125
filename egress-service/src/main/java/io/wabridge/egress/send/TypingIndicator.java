package io.wabridge.egress.send;

import io.wabridge.egress.dispatch.Job;
import io.wabridge.egress.graph.GraphClient;
import io.wabridge.egress.throttle.NumberThrottle;
import io.wabridge.egress.throttle.NumberThrottles;
import io.wabridge.model.event.OutboundKind;
import io.wabridge.model.event.OutboundMessage;
import io.wabridge.support.privacy.LogMasking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows "typing…" to a recipient whose next message is held back by pacing
 * ({@code wabridge.endpoints.<id>.delivery.typing-indicator}). Best effort: it needs the user's
 * message id to attach to, takes a permit of the number's budget, and is never retried.
 */
final class TypingIndicator {

    private static final Logger log = LoggerFactory.getLogger(TypingIndicator.class);

    private final GraphClient graph;
    private final NumberThrottles throttles;

    TypingIndicator(GraphClient graph, NumberThrottles throttles) {
        this.graph = graph;
        this.throttles = throttles;
    }

    void show(Job job) {
        OutboundMessage message = job.message();
        NumberThrottle throttle = throttles.of(job.endpoint());
        if (message.replyTo() == null || throttle.isCircuitOpen()) {
            return;
        }
        OutboundMessage typing = new OutboundMessage(OutboundMessage.SCHEMA_VERSION, message.outboundId() + ":typing",
                message.inboundEventId(), message.index(), OutboundKind.TYPING, message.endpointId(), message.phoneNumberId(),
                message.conversationKey(), message.recipient(), message.replyTo(), null, message.createdAt());
        throttle.acquire()
                .thenCompose(ignored -> graph.send(job.endpoint(), typing))
                .thenAccept(result -> log.debug("typing indicator for {}: {}",
                        LogMasking.of(job.endpoint()).key(message.conversationKey()), result.reason()));
    }
}
