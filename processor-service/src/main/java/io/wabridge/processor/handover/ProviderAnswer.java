package io.wabridge.processor.handover;

import io.wabridge.model.event.HandoverEvent;
import io.wabridge.model.event.HandoverStatus;
import java.util.List;

/**
 * What a provider knows after a step.
 *
 * @param status        {@code queued} or {@code active} when the step moved the handover there; null = unchanged
 * @param queuePosition with {@code queued}: the user's place, when known
 * @param agentName     with {@code active}: the agent's name, when known
 * @param publish       events to write on the handover topic in the turn's transaction (the {@code kafka}
 *                      provider's user messages); usually empty for providers with an API of their own
 * @param providerRef   the provider's own id of the handover (e.g. a Chatwoot conversation id), kept in the
 *                      handover's state ({@code HandoverState.providerRef}) for the later steps; null = unchanged
 */
public record ProviderAnswer(HandoverStatus status, Integer queuePosition, String agentName, List<HandoverEvent> publish,
                             String providerRef) {

    public static final ProviderAnswer UNCHANGED = new ProviderAnswer(null, null, null, List.of());

    public ProviderAnswer(HandoverStatus status, Integer queuePosition, String agentName, List<HandoverEvent> publish) {
        this(status, queuePosition, agentName, publish, null);
    }

    public ProviderAnswer {
        if (status == HandoverStatus.REQUESTED || status == HandoverStatus.ENDED) {
            throw new IllegalArgumentException("a provider answers queued or active, not " + status);
        }
        publish = publish == null ? List.of() : List.copyOf(publish);
    }

    public static ProviderAnswer queued(Integer position) {
        return new ProviderAnswer(HandoverStatus.QUEUED, position, null, List.of());
    }

    public static ProviderAnswer active(String agentName) {
        return new ProviderAnswer(HandoverStatus.ACTIVE, null, agentName, List.of());
    }

    /** The same answer, with the provider's own id of the handover to keep. */
    public ProviderAnswer withProviderRef(String ref) {
        return new ProviderAnswer(status, queuePosition, agentName, publish, ref);
    }

    public static ProviderAnswer publishing(HandoverEvent event) {
        return new ProviderAnswer(null, null, null, List.of(event));
    }
}
