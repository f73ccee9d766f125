package io.wabridge.processor.handover;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wabridge.model.EventIds;
import io.wabridge.model.Json;
import io.wabridge.model.event.HandoverEndReason;
import io.wabridge.model.event.HandoverEvent;
import io.wabridge.model.event.HandoverEventType;
import io.wabridge.model.event.HandoverStatus;
import io.wabridge.model.settings.HandoverSettings;
import io.wabridge.model.state.HandoverState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One turn's steps of a conversation's handover. Each step moves the state, and collects what the
 * turn must write: lifecycle events (and a provider's own) for the handover topic, texts for the
 * user, and whether the handover ended in this turn (then the flow gets {@link #endInput()}).
 * Every transition is counted ({@code wabridge.processor.handover.transitions}). Touched by the
 * turn's worker only.
 */
public final class HandoverTurn {

    private static final Logger log = LoggerFactory.getLogger(HandoverTurn.class);

    private final Handovers handovers;
    private final HandoverContext context;
    private final HandoverSettings settings;
    private final HandoverState before;
    private HandoverState state;
    private final List<HandoverEvent> events = new ArrayList<>();
    private final List<String> texts = new ArrayList<>();
    private HandoverEndReason endedNow;
    private String endedBy;
    private int statusEvents;

    HandoverTurn(Handovers handovers, HandoverContext context, HandoverSettings settings, HandoverState current) {
        this.handovers = handovers;
        this.context = context;
        this.settings = settings;
        this.before = current;
        this.state = current;
    }

    /** The handover after the turn's steps (null when there never was one). */
    public HandoverState state() {
        return state;
    }

    /** True when a step changed the state. */
    public boolean changed() {
        return state != before;
    }

    /** The open handover, or null. */
    public HandoverState open() {
        return state != null && state.open() ? state : null;
    }

    /** Events for the handover topic, in order. */
    public List<HandoverEvent> events() {
        return List.copyOf(events);
    }

    /** Texts for the user, in order (already without the empty ones). */
    public List<String> texts() {
        return List.copyOf(texts);
    }

    /** How the handover ended in this turn, or empty while it is open (or did not change). */
    public Optional<HandoverEndReason> endedNow() {
        return Optional.ofNullable(endedNow);
    }

    /**
     * Starts a handover unless one is open ({@code false} then). It is {@code requested}, then
     * whatever the provider answers; an unknown or unreachable provider ends it with {@code error}.
     *
     * @param provider     the provider to use; null = the endpoint's {@code handover.provider}
     * @param source       {@code bot} or {@code api}
     * @param providerData the provider-specific fields of the start
     */
    public boolean start(String provider, String source, JsonNode providerData) {
        if (open() != null) {
            return false;
        }
        String name = provider == null || provider.isBlank() ? settings.provider() : provider.trim();
        state = HandoverState.requested(EventIds.handover(context.inboundEventId()), context.endpointId(), context.userId(), name,
                source, context.at(), providerData);
        status(source, null, providerData);
        ProviderAnswer answer = call("start", at -> at.start(call()));
        if (answer == null) {
            end(HandoverEndReason.ERROR, "provider", false);
        } else {
            apply(answer, "provider");
        }
        return true;
    }

    /** A user message to the agent side; the inactivity timer starts again. An unreachable provider ends the handover with {@code error}. */
    public void forward(String messageId, String messageType, String text, JsonNode data, JsonNode message) {
        state = state.activeAt(context.at()).forwardedOne();
        UserMessage forwarded = new UserMessage(state.forwarded(), messageId, messageType, text, data, message);
        ProviderAnswer answer = call("user/" + forwarded.sequence(), at -> at.forward(call(), forwarded));
        if (answer == null) {
            end(HandoverEndReason.ERROR, "provider", false);
            return;
        }
        handovers.meters().counter("wabridge.processor.handover.messages", "endpoint", context.endpointId(), "direction", "user")
                .increment();
        apply(answer, "provider");
    }

    /** An agent's message to the user: the inactivity timer starts again, and a waiting handover is now active. */
    public void agentMessage() {
        state = state.activeAt(context.at());
        handovers.meters().counter("wabridge.processor.handover.messages", "endpoint", context.endpointId(), "direction", "agent")
                .increment();
        if (state.status() != HandoverStatus.ACTIVE) {
            apply(ProviderAnswer.active(null), "agent");
        }
    }

    /** The agent side reports {@code queued} (with a position) or {@code active} (with an agent's name). */
    public void agentStatus(HandoverStatus status, Integer queuePosition, String agentName) {
        apply(new ProviderAnswer(status, queuePosition, agentName, List.of()), "agent");
    }

    /** The inactivity warning: told once per quiet spell. */
    public void warnOfInactivity() {
        state = state.warnedOfInactivity();
        text(settings.texts().inactivityWarning());
    }

    /**
     * Ends the open handover; the user is told ({@code texts.agent-left}, or {@code texts.error}).
     *
     * @param source       who ended it: {@code agent}, {@code user}, {@code api}, {@code timeout}, {@code provider}
     * @param tellProvider the end comes from wabridge's side, so the provider must hear of it (a
     *                     failure to tell it is logged; the handover ends anyway)
     */
    public void end(HandoverEndReason reason, String source, boolean tellProvider) {
        if (tellProvider) {
            call("end", at -> at.end(call(), reason));
        }
        state = state.ended(reason);
        endedNow = reason;
        endedBy = source;
        status(source, null, null);
        text(reason == HandoverEndReason.ERROR ? settings.texts().error() : settings.texts().agentLeft());
    }

    /**
     * What the flow receives when the handover ended: no text, data
     * {@code {handover: {status, handoverId, provider, source}}} ({@code docs/handover.md}).
     */
    public ObjectNode endInput() {
        ObjectNode data = Json.mapper().createObjectNode();
        ObjectNode handover = data.putObject("handover");
        handover.put("status", endedNow.wireName());
        handover.put("handoverId", state.id());
        handover.put("provider", provider());
        handover.put("source", endedBy);
        return data;
    }

    private void apply(ProviderAnswer answer, String source) {
        events.addAll(answer.publish());
        if (answer.providerRef() != null && !answer.providerRef().equals(state.providerRef())) {
            state = state.withProviderRef(answer.providerRef());
        }
        if (answer.status() == HandoverStatus.QUEUED && state.status() != HandoverStatus.ACTIVE
                && (state.status() != HandoverStatus.QUEUED || !Objects.equals(state.queuePosition(), answer.queuePosition()))) {
            state = state.queued(answer.queuePosition());
            status(source, null, null);
            if (answer.queuePosition() != null) {
                text(settings.texts().queuePosition().replace("{position}", Integer.toString(answer.queuePosition())));
            }
        } else if (answer.status() == HandoverStatus.ACTIVE && state.status() != HandoverStatus.ACTIVE) {
            state = state.active();
            status(source, answer.agentName(), null);
            text(settings.texts().agentJoined());
        }
    }

    private void status(String source, String agentName, JsonNode providerData) {
        events.add(new HandoverEvent(HandoverEvent.SCHEMA_VERSION,
                EventIds.handoverEvent(context.inboundEventId(), "status/" + statusEvents++), HandoverEventType.STATUS, state.id(),
                context.endpointId(), context.phoneNumberId(), context.conversationKey(), context.userId(), context.contactName(),
                context.sessionId(), provider(), state.status(), state.reason(), source, state.queuePosition(), agentName,
                null, null, null, null, null, null, providerData, context.inboundEventId(), handovers.clock().instant()));
        String status = state.reason() != null ? state.reason().wireName() : state.status().name().toLowerCase(Locale.ROOT);
        handovers.meters().counter("wabridge.processor.handover.transitions", "endpoint", context.endpointId(),
                "provider", provider(), "status", status).increment();
    }

    private void text(String text) {
        if (text != null && !text.isEmpty()) {
            texts.add(text);
        }
    }

    /** The handover's provider; a handover of a build before the lifecycle names none: the endpoint's. */
    private String provider() {
        return state.provider() != null ? state.provider() : settings.provider();
    }

    private HandoverCall call() {
        return new HandoverCall(context, state, settings);
    }

    /**
     * One provider step with the endpoint's attempts and backoff; null when every attempt failed
     * ({@code wabridge.processor.handover.provider.failures} counts each failed attempt).
     */
    private ProviderAnswer call(String step, Function<HandoverProvider, ProviderAnswer> action) {
        Optional<HandoverProvider> provider = handovers.providers().named(provider());
        if (provider.isEmpty()) {
            log.error("Handover {} of endpoint {} names provider {}, which this processor does not have (it has {})", state.id(),
                    context.endpointId(), provider(), handovers.providers().names());
            failed("unknown-provider");
            return null;
        }
        Duration backoff = settings.providerBackoff();
        for (int attempt = 1; ; attempt++) {
            try {
                ProviderAnswer answer = action.apply(provider.get());
                return answer == null ? ProviderAnswer.UNCHANGED : answer;
            } catch (RuntimeException e) {
                failed(step.startsWith("user/") ? "forward" : step);
                if (attempt >= settings.providerAttempts()) {
                    log.warn("Handover provider {} failed {} of handover {} (endpoint {}) {} time(s), giving up: {}", provider(), step,
                            state.id(), context.endpointId(), attempt, e.toString());
                    return null;
                }
                log.debug("Handover provider {} failed {} (attempt {}): {}", provider(), step, attempt, e.toString());
                try {
                    handovers.sleeper().sleep(backoff);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return null;
                }
                backoff = backoff.multipliedBy(2);
            }
        }
    }

    private void failed(String operation) {
        handovers.meters().counter("wabridge.processor.handover.provider.failures", "endpoint", context.endpointId(),
                "provider", provider(), "operation", operation).increment();
    }
}
