package io.wabridge.processor.handover;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wabridge.model.EventIds;
import io.wabridge.model.Json;
import io.wabridge.model.event.InboundEvent;
import io.wabridge.model.event.InboundKind;
import io.wabridge.model.settings.HandoverSettings;
import io.wabridge.model.state.HandoverState;
import io.wabridge.processor.conversation.ConversationStore;
import io.wabridge.support.endpoint.Endpoint;
import io.wabridge.support.endpoint.Endpoints;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The inactivity timers of open handovers. A timer that is due becomes a {@code handover} record
 * on the conversation's own inbound partition ({@code data.action: inactivity}), so it is a turn
 * like any other: in order with the conversation's messages, in a transaction, and judged against
 * the state at that point (a message that arrived meanwhile makes it stale). Its id is derived from
 * handover, stage and last activity, so firing again (after a restart, before the first one was
 * handled) is dropped as a duplicate. Runs on the poll thread.
 */
public final class HandoverTimers {

    /** {@code data.stage} of a warning and of the end. */
    public static final String WARNING = "warning";
    public static final String END = "end";

    private final Endpoints endpoints;
    /** Conversation key → the id of the timer record last written for it, so a sweep does not write it again. */
    private final Map<String, String> fired = new HashMap<>();

    public HandoverTimers(Endpoints endpoints) {
        this.endpoints = endpoints;
    }

    /** A timer record to write on the inbound topic, on {@code partition}. */
    public record Due(String conversationKey, int partition, InboundEvent event) {
    }

    /** The timer records due at {@code now} among these conversations, each written at most once per sweep history. */
    public List<Due> due(List<ConversationStore.Held> open, Instant now) {
        Set<String> keys = open.stream().map(ConversationStore.Held::conversationKey).collect(Collectors.toSet());
        fired.keySet().retainAll(keys);
        List<Due> due = new ArrayList<>();
        for (ConversationStore.Held held : open) {
            HandoverState handover = held.state().openHandover();
            if (handover == null || handover.endpointId() == null) {
                continue; // a flag-only handover of an older build has no timer
            }
            Optional<Endpoint> endpoint = endpoints.byId(handover.endpointId());
            if (endpoint.isEmpty()) {
                continue;
            }
            stage(handover, endpoint.get().settings().handover(), now).ifPresent(stage -> {
                InboundEvent event = timer(held.conversationKey(), endpoint.get(), handover, stage, now);
                if (!event.eventId().equals(fired.get(held.conversationKey()))) {
                    fired.put(held.conversationKey(), event.eventId());
                    due.add(new Due(held.conversationKey(), held.partition(), event));
                }
            });
        }
        return due;
    }

    /** The stage due at {@code now}: the end once the timeout passed, else the warning once its time came. */
    static Optional<String> stage(HandoverState handover, HandoverSettings settings, Instant now) {
        Instant end = handover.timesOutAt(settings.inactivityTimeout());
        if (end == null) {
            return Optional.empty();
        }
        if (!now.isBefore(end)) {
            return Optional.of(END);
        }
        Duration warning = settings.inactivityWarning();
        if (!warning.isZero() && !handover.warned() && !now.isBefore(end.minus(warning))) {
            return Optional.of(WARNING);
        }
        return Optional.empty();
    }

    private static InboundEvent timer(String key, Endpoint endpoint, HandoverState handover, String stage, Instant now) {
        String activity = handover.lastActivity().toString();
        ObjectNode data = Json.mapper().createObjectNode()
                .put("action", "inactivity").put("stage", stage).put("handoverId", handover.id()).put("activity", activity);
        return new InboundEvent(InboundEvent.SCHEMA_VERSION, EventIds.handoverTimer(key, handover.id(), stage, activity),
                InboundKind.HANDOVER, endpoint.id(), endpoint.phoneNumberId(), key, handover.userId(), null, null, null, now, null,
                null, data, null, null, null, null);
    }
}
