/**
 * Chatwoot's webhooks for the {@code chatwoot} handover provider: agents' replies and resolutions
 * become {@code agent_reply} and handover {@code end} events on {@code whatsapp.inbound};
 * {@code docs/handover.md} ("chatwoot").
 */
package io.wabridge.ingress.chatwoot;
