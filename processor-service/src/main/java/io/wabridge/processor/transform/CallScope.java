package io.wabridge.processor.transform;

import io.wabridge.model.privacy.Masking;
import java.time.Instant;

/**
 * One hook call as its host functions see it: whose it is (for log lines, masked as the
 * endpoint says) and when it must have finished (an {@code httpRequest} gets only what is left).
 */
record CallScope(String endpointId, String hook, Masking masking, Instant deadline) {
}
