package io.wabridge.sandbox.graph;

import com.fasterxml.jackson.databind.JsonNode;
import io.wabridge.sandbox.SandboxSettings;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The messages the fake Graph API accepted, per recipient, newest last. Bounded both ways
 * (messages per user, number of users) so a long-running sandbox or a benchmark cannot exhaust memory.
 */
@Component
public class Outbox {

    private static final int MAX_RECIPIENTS = 1000;

    private final int maxPerRecipient;
    private final ApplicationEventPublisher events;
    private final Map<String, Deque<SentMessage>> byRecipient = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<SentMessage>> eldest) {
            return size() > MAX_RECIPIENTS;
        }
    };

    Outbox(SandboxSettings settings, ApplicationEventPublisher events) {
        this.maxPerRecipient = settings.maxMessagesPerUser();
        this.events = events;
    }

    /** Everything sent to {@code recipient} that is still remembered, oldest first. */
    public List<SentMessage> messagesTo(String recipient) {
        synchronized (byRecipient) {
            Deque<SentMessage> messages = byRecipient.get(recipient);
            return messages == null ? List.of() : List.copyOf(messages);
        }
    }

    SentMessage accept(String to, String type, JsonNode body) {
        return accept(to, type, body, null);
    }

    SentMessage accept(String to, String type, JsonNode body, String traceparent) {
        SentMessage message = SentMessage.accepted("wamid." + UUID.randomUUID(), to, type, body, Instant.now(), traceparent);
        synchronized (byRecipient) {
            Deque<SentMessage> messages = byRecipient.computeIfAbsent(to, key -> new ArrayDeque<>());
            messages.addLast(message);
            while (messages.size() > maxPerRecipient) {
                messages.removeFirst();
            }
        }
        events.publishEvent(new GraphEvents.MessageAccepted(message));
        return message;
    }

    void reached(SentMessage message, String status, Instant at) {
        message.statuses().put(status, at);
        events.publishEvent(new GraphEvents.StatusReached(message.id(), message.to(), status, at));
    }

    void markedRead(String messageId, boolean typing) {
        events.publishEvent(new GraphEvents.UserMessageRead(messageId, typing, Instant.now()));
    }
}
