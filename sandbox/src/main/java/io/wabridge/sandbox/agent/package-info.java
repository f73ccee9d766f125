/**
 * The agent panel's backend: an agent desk of the {@code kafka} handover provider. It reads the
 * handover topic ({@code whatsapp.handover}, {@code read_committed}) into the open handovers and
 * the user messages forwarded to them, and answers through ingress's handover API
 * ({@code reply}, {@code end}) with the endpoint's API key, as a real desk would (docs/handover.md).
 */
package io.wabridge.sandbox.agent;
