package io.wabridge.processor.handover;

import io.wabridge.model.event.HandoverEndReason;

/**
 * Where a handover goes: an agent desk. Each method is called on the conversation's turn worker,
 * one call at a time per conversation, in conversation order, and may block (an HTTP call); it
 * returns what the provider knows afterwards, or throws {@link HandoverProviderException} when the
 * provider cannot be reached or refused. A thrown call is retried ({@code handover.provider-attempts},
 * {@code handover.provider-backoff}); when every attempt failed the handover ends with {@code error}.
 * <p>
 * A call can be repeated for the same step: after a failed attempt, and when the turn's
 * transaction aborts and the turn runs again. {@link HandoverCall#idempotencyKey(String)} gives a
 * key that is the same each time, for providers whose API takes one. Anything returned in
 * {@link ProviderAnswer#publish()} is written in the turn's transaction, so it is exactly once.
 * <p>
 * Implementations are Spring beans; {@link #name()} is what endpoints ({@code handover.provider})
 * and start markers ({@code data.handover.provider}) name.
 */
public interface HandoverProvider {

    /** The provider's name, e.g. {@code kafka}, {@code chatwoot}. */
    String name();

    /** Opens the handover at the provider (a conversation in the agent desk). */
    ProviderAnswer start(HandoverCall call);

    /** Passes one user message on to the agent side, in order. */
    ProviderAnswer forward(HandoverCall call, UserMessage message);

    /**
     * Tells the provider the handover ended on wabridge's side (the user's cancel keyword, the
     * inactivity timeout, an API cancel). Not called when the agent side ended it, nor after
     * {@code error}. A failure here is logged and the handover ends anyway.
     */
    ProviderAnswer end(HandoverCall call, HandoverEndReason reason);
}
