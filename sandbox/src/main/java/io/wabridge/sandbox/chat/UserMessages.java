package io.wabridge.sandbox.chat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** What users sent from the chat page, newest last; bounded, like the Graph fake's outbox. */
@Component
class UserMessages {

    private static final int MAX_MESSAGES = 10_000;

    /** One sent message; {@code readAt} is set when the business marks it read. */
    record UserMessage(String id, String userId, String text, ChatInput.Reply reply, Instant sentAt,
                       Integer ingressStatus, Instant readAt) {

        UserMessage read(Instant at) {
            return new UserMessage(id, userId, text, reply, sentAt, ingressStatus, readAt == null ? at : readAt);
        }
    }

    private final Map<String, UserMessage> byId = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, UserMessage> eldest) {
            return size() > MAX_MESSAGES;
        }
    };

    synchronized void add(UserMessage message) {
        byId.put(message.id(), message);
    }

    /** Marks {@code messageId} read and returns its sender, or null when the message is not one of ours. */
    synchronized String markRead(String messageId, Instant at) {
        UserMessage message = byId.get(messageId);
        if (message == null) {
            return null;
        }
        byId.put(messageId, message.read(at));
        return message.userId();
    }

    synchronized List<UserMessage> from(String userId) {
        return byId.values().stream().filter(message -> message.userId().equals(userId)).toList();
    }
}
