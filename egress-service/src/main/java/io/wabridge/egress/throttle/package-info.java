/**
 * Limits per sending phone number: the throughput budget (shared out among egress instances),
 * the pause after a 130429, and the circuit that stops a number after token or account errors.
 * Per-recipient limits (131056) are not here: they only hold up that recipient's queue.
 */
package io.wabridge.egress.throttle;
