/**
 * The endpoint API, API-key protected, written durably to {@code whatsapp.inbound} like any webhook:
 * Inject &amp; Notify (put text/data into a conversation's flow as if the user had sent it, or send
 * it straight to the user without the flow; Cognigy's own API, rebuilt) and the handover API
 * (start, status, end, agent replies; {@code docs/handover.md}).
 */
package io.wabridge.ingress.api;
