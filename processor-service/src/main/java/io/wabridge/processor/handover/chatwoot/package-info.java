/**
 * The {@code chatwoot} handover provider: a client of Chatwoot's Application API (contact,
 * conversation, incoming messages, resolution) behind {@link io.wabridge.processor.handover.HandoverProvider};
 * {@code docs/handover.md} ("chatwoot").
 */
package io.wabridge.processor.handover.chatwoot;
