package io.wabridge.processor.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wabridge.model.Json;
import io.wabridge.model.event.HandoverEndReason;
import io.wabridge.model.event.HandoverStatus;
import io.wabridge.model.state.HandoverState;
import io.wabridge.processor.handover.HandoverTimers;
import io.wabridge.processor.handover.HandoverTurn;
import io.wabridge.processor.handover.Handovers;
import io.wabridge.processor.input.CognigyInput;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A {@code handover} command ({@code data.action}; {@code docs/handover.md}): {@code start} (the
 * API), {@code queued} / {@code active} and {@code end} (the agent side), {@code inactivity} (the
 * processor's own timer records). Builds before the lifecycle sent {@code data.active} only: true
 * starts, false ends ({@code completed}). A command for a handover that is not open (or a timer
 * made stale by a message since) changes nothing. When the command ended the handover, the flow
 * continues with the end input; otherwise the turn ends with the handover's texts and events.
 */
final class HandoverCommandStage implements TurnStage {

    private final Handovers handovers;
    private final List<TurnStage> toUser;
    private final TurnEnds ends;
    private final int dedupeWindow;

    HandoverCommandStage(Handovers handovers, List<TurnStage> toUser, TurnEnds ends, int dedupeWindow) {
        this.handovers = handovers;
        this.toUser = toUser;
        this.ends = ends;
        this.dedupeWindow = dedupeWindow;
    }

    @Override
    public String name() {
        return "handover-command";
    }

    @Override
    public Optional<Turn> apply(TurnContext turn) {
        JsonNode data = turn.event().data() == null ? Json.mapper().createObjectNode() : turn.event().data();
        turn.userId = turn.work.flowUserId(turn.endpoint.settings().cognigy().userId());
        HandoverTurn handover = handovers.turn(turn.handoverContext(), turn.endpoint.settings().handover(), turn.currentHandover());
        turn.handover = handover;
        String action = action(data);
        String outcome = switch (action) {
            case "start" -> handover.start(text(data, "provider"), "api", providerData(data)) ? "handover-started" : "handover-already-open";
            case "queued" -> status(handover, HandoverStatus.QUEUED, data);
            case "active" -> status(handover, HandoverStatus.ACTIVE, data);
            case "end" -> end(handover, data);
            case "inactivity" -> inactivity(handover, data);
            default -> null;
        };
        if (outcome == null) {
            return Optional.of(ends.deadLetterOnly(turn.work, turn.state.remember(turn.messageId, turn.offset(), dedupeWindow),
                    "invalid-handover-command", "unknown data.action " + action));
        }
        turn.outcome = outcome;
        turn.outputs = TurnContext.textOutputs(handover.texts());
        if (handover.endedNow().isPresent()) {
            turn.input = new CognigyInput(null, handover.endInput());
            turn.handoverEndInput = true;
            return Optional.empty();
        }
        return Optional.of(TurnHandler.run(toUser, turn));
    }

    private static String action(JsonNode data) {
        String action = text(data, "action");
        if (action == null) {
            return data.path("active").asBoolean(true) ? "start" : "end";
        }
        return switch (action.toLowerCase(Locale.ROOT)) {
            case "queue", "queued" -> "queued";
            case "accept", "accepted", "active" -> "active";
            default -> action.toLowerCase(Locale.ROOT);
        };
    }

    private static String status(HandoverTurn handover, HandoverStatus status, JsonNode data) {
        if (handover.open() == null) {
            return "handover-not-open";
        }
        JsonNode position = data.get("queuePosition");
        handover.agentStatus(status, position != null && position.canConvertToInt() ? position.asInt() : null, text(data, "agentName"));
        return "handover-" + status.name().toLowerCase(Locale.ROOT);
    }

    /**
     * {@code status} (default {@code completed}); {@code source} (default {@code agent}): an end from elsewhere tells the provider.
     * With {@code handoverId} (a desk's webhook names the handover it ends), an end of an earlier handover leaves a newer one open.
     */
    private static String end(HandoverTurn handover, JsonNode data) {
        String named = text(data, "handoverId");
        if (handover.open() == null || (named != null && !named.equals(handover.open().id()))) {
            return "handover-not-open";
        }
        HandoverEndReason reason = HandoverEndReason.of(text(data, "status")).orElse(HandoverEndReason.COMPLETED);
        String source = Optional.ofNullable(text(data, "source")).orElse("agent");
        handover.end(reason, source, !"agent".equals(source));
        return "handover-ended";
    }

    /** A timer record: only while its handover is open and quiet since the activity it was set from. */
    private static String inactivity(HandoverTurn handover, JsonNode data) {
        HandoverState open = handover.open();
        if (open == null || !open.id().equals(text(data, "handoverId")) || open.lastActivity() == null
                || !open.lastActivity().toString().equals(text(data, "activity"))) {
            return "handover-timer-stale";
        }
        if (HandoverTimers.WARNING.equals(text(data, "stage"))) {
            if (open.warned()) {
                return "handover-timer-stale";
            }
            handover.warnOfInactivity();
            return "handover-warned";
        }
        handover.end(HandoverEndReason.TIMEOUT, "timeout", true);
        return "handover-ended";
    }

    private static String text(JsonNode data, String field) {
        JsonNode value = data.get(field);
        return value != null && value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }

    /** A start's provider-specific fields: {@code data} without {@code action} and {@code provider}; null when none. */
    private static JsonNode providerData(JsonNode data) {
        if (!data.isObject()) {
            return null;
        }
        ObjectNode fields = ((ObjectNode) data).deepCopy();
        fields.remove(List.of("action", "provider", "active"));
        return fields.isEmpty() ? null : fields;
    }
}
