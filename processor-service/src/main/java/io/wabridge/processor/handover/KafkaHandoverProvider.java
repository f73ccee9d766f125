package io.wabridge.processor.handover;

import io.wabridge.model.event.HandoverEndReason;
import io.wabridge.model.settings.HandoverSettings;

/**
 * The generic provider: everything goes on the handover topic, where any agent desk can consume
 * it (the lifecycle events are written for every provider; this one adds the user messages), and
 * the desk answers through ingress's handover API ({@code status}, {@code reply}, {@code end}).
 * A started handover is {@code queued} until the desk accepts it or replies.
 * <p>
 * It has no outside system to be down: its writes are the turn's transaction, which is retried
 * with the turn when the broker is away.
 */
public final class KafkaHandoverProvider implements HandoverProvider {

    @Override
    public String name() {
        return HandoverSettings.KAFKA;
    }

    @Override
    public ProviderAnswer start(HandoverCall call) {
        return ProviderAnswer.queued(null);
    }

    @Override
    public ProviderAnswer forward(HandoverCall call, UserMessage message) {
        return ProviderAnswer.publishing(call.userMessageEvent(message));
    }

    @Override
    public ProviderAnswer end(HandoverCall call, HandoverEndReason reason) {
        return ProviderAnswer.UNCHANGED;
    }
}
