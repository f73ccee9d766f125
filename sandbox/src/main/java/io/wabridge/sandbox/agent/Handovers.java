package io.wabridge.sandbox.agent;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The open handovers as the desk saw them on the handover topic, each with what was said in it:
 * the user's forwarded messages (in {@code sequence} order) and the agent's replies sent from the
 * panel. An ended handover is dropped, so memory holds only open ones. Events are deduplicated by
 * {@code eventId}: a replayed turn writes the same ids again (docs/events.md).
 */
@Component
public class Handovers {

    /** One line of a handover's conversation: {@code from} is {@code user} or {@code agent}. */
    public record Entry(String from, Long sequence, String messageType, String text, Instant at) {
    }

    /** A handover as the panel shows it. {@code userId} is the conversation key's, which the handover API keys on. */
    public record Handover(String handoverId, String endpointId, String conversationKey, String userId, String contactName,
                           String status, Integer queuePosition, String agentName, Instant startedAt, List<Entry> entries) {
    }

    private static final int MAX_EVENT_IDS = 10_000;

    private final Map<String, Handover> open = new LinkedHashMap<>();
    private final Set<String> seen = new HashSet<>();

    /** Applies one {@code HandoverEvent} (as JSON); unknown types are ignored. */
    public synchronized void apply(JsonNode event) {
        String eventId = event.path("eventId").asText(null);
        String handoverId = event.path("handoverId").asText(null);
        if (eventId == null || handoverId == null || !seen.add(eventId)) {
            return;
        }
        if (seen.size() > MAX_EVENT_IDS) {
            seen.clear();
            seen.add(eventId);
        }
        Instant at = timestamp(event);
        String type = event.path("type").asText();
        if ("status".equals(type)) {
            String status = event.path("status").asText();
            if ("ended".equals(status)) {
                open.remove(handoverId);
                return;
            }
            Handover current = open.get(handoverId);
            List<Entry> entries = current == null ? new ArrayList<>() : current.entries();
            open.put(handoverId, new Handover(handoverId, event.path("endpointId").asText(null),
                    event.path("conversationKey").asText(), userIdOf(event.path("conversationKey").asText()),
                    text(event, "contactName", current == null ? null : current.contactName()), status,
                    event.hasNonNull("queuePosition") ? Integer.valueOf(event.get("queuePosition").asInt()) : null,
                    text(event, "agentName", current == null ? null : current.agentName()),
                    current == null ? at : current.startedAt(), entries));
        } else if ("user_message".equals(type)) {
            Handover current = open.get(handoverId);
            if (current == null) {
                return; // its start was before what this desk read (or it has ended)
            }
            Long sequence = event.hasNonNull("sequence") ? event.get("sequence").asLong() : null;
            String text = event.hasNonNull("text") ? event.get("text").asText() : "(" + event.path("messageType").asText("message") + ")";
            current.entries().add(new Entry("user", sequence, event.path("messageType").asText(null), text, at));
        }
    }

    /** Remembers what the agent sent from the panel, so the panel shows both sides. */
    public synchronized void agentSaid(String handoverId, String text) {
        Handover handover = open.get(handoverId);
        if (handover != null) {
            handover.entries().add(new Entry("agent", null, "text", text, Instant.now()));
        }
    }

    /** The open handovers, oldest first, as copies. */
    public synchronized List<Handover> open() {
        return open.values().stream().map(Handovers::copy).toList();
    }

    public synchronized Optional<Handover> find(String handoverId) {
        return Optional.ofNullable(open.get(handoverId)).map(Handovers::copy);
    }

    private static Handover copy(Handover h) {
        return new Handover(h.handoverId(), h.endpointId(), h.conversationKey(), h.userId(), h.contactName(), h.status(),
                h.queuePosition(), h.agentName(), h.startedAt(), List.copyOf(h.entries()));
    }

    /** Conversation key = {@code {phoneNumberId}:{userId}}. */
    static String userIdOf(String conversationKey) {
        int colon = conversationKey.indexOf(':');
        return colon < 0 ? conversationKey : conversationKey.substring(colon + 1);
    }

    private static String text(JsonNode event, String field, String otherwise) {
        return event.hasNonNull(field) ? event.get(field).asText() : otherwise;
    }

    private static Instant timestamp(JsonNode event) {
        try {
            return event.hasNonNull("timestamp") ? Instant.parse(event.get("timestamp").asText()) : Instant.now();
        } catch (RuntimeException e) {
            return Instant.now();
        }
    }
}
