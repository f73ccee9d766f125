/**
 * Handover to human agents: one lifecycle per conversation ({@code requested → queued → active →
 * ended}), kept in the conversation state, each transition an event on the handover topic written
 * in the turn's transaction; providers behind {@link io.wabridge.processor.handover.HandoverProvider}
 * ({@code kafka} here). {@code docs/handover.md} describes it.
 */
package io.wabridge.processor.handover;
