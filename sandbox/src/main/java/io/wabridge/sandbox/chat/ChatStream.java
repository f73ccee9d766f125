package io.wabridge.sandbox.chat;

import io.wabridge.sandbox.graph.GraphEvents;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Pushes what happens on a user's phone to the open chat pages of that user (Server-Sent Events):
 * {@code message} for each bot message the fake Graph API accepted, {@code status} for its ticks,
 * {@code read} when the business marks a user message read (with {@code typing} when it types).
 */
@Component
class ChatStream {

    private static final Logger log = LoggerFactory.getLogger(ChatStream.class);
    /** A user rarely has more tabs open; the cap keeps abandoned streams from piling up. */
    private static final int MAX_STREAMS_PER_USER = 5;

    private final UserMessages userMessages;
    private final Map<String, List<SseEmitter>> streams = new ConcurrentHashMap<>();

    ChatStream(UserMessages userMessages) {
        this.userMessages = userMessages;
    }

    SseEmitter open(String userId) {
        SseEmitter emitter = new SseEmitter(0L);
        List<SseEmitter> mine = streams.computeIfAbsent(userId, id -> new CopyOnWriteArrayList<>());
        mine.add(emitter);
        while (mine.size() > MAX_STREAMS_PER_USER) {
            mine.remove(0).complete();
        }
        emitter.onCompletion(() -> mine.remove(emitter));
        emitter.onTimeout(() -> mine.remove(emitter));
        emitter.onError(error -> mine.remove(emitter));
        send(userId, "ready", Map.of("userId", userId));
        return emitter;
    }

    @EventListener
    void on(GraphEvents.MessageAccepted event) {
        send(event.message().to(), "message", event.message());
    }

    @EventListener
    void on(GraphEvents.StatusReached event) {
        send(event.recipientId(), "status", event);
    }

    @EventListener
    void on(GraphEvents.UserMessageRead event) {
        String userId = userMessages.markRead(event.messageId(), event.at());
        if (userId != null) {
            send(userId, "read", new Read(event.messageId(), event.typing(), event.at()));
        }
    }

    record Read(String messageId, boolean typing, Instant at) {
    }

    /**
     * Ends every open stream when the sandbox stops. Runs before the web server's graceful shutdown,
     * which would otherwise wait its full timeout for chat pages that never disconnect.
     */
    @EventListener(ContextClosedEvent.class)
    void closeAll() {
        streams.values().forEach(mine -> mine.forEach(SseEmitter::complete));
        streams.clear();
    }

    private void send(String userId, String name, Object data) {
        List<SseEmitter> mine = streams.get(userId);
        if (mine == null) {
            return;
        }
        for (SseEmitter emitter : mine) {
            try {
                emitter.send(SseEmitter.event().name(name).data(data, MediaType.APPLICATION_JSON));
            } catch (IOException | IllegalStateException gone) {
                // The page was closed; Spring completes the emitter, which removes it.
                log.debug("Chat stream of {} is gone: {}", userId, gone.toString());
                mine.remove(emitter);
            }
        }
    }
}
