package io.wabridge.processor.handover;

import java.time.Instant;

/**
 * The turn a handover step happens in: its conversation and the inbound event that caused it.
 *
 * @param sessionId      the conversation's Cognigy session
 * @param inboundEventId the inbound event of the turn; event ids and idempotency keys derive from it
 * @param at             the turn's event time
 */
public record HandoverContext(String endpointId, String phoneNumberId, String conversationKey, String userId,
                              String contactName, String sessionId, String inboundEventId, Instant at) {
}
