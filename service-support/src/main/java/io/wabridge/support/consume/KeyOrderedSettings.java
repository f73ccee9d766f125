package io.wabridge.support.consume;

import java.time.Duration;

/**
 * How a {@link KeyOrderedSession} consumes; each service maps its own properties onto it.
 *
 * @param maxInFlight    records polled and not done above which every partition is paused; polling
 *                       goes on (membership stays alive) and consumption resumes at half of it
 * @param commitInterval how often done work and offsets are committed
 * @param pollTimeout    longest a poll blocks; while anything waits for a commit (records in flight,
 *                       finished results or offsets not committed), at most until the next commit is due
 * @param revokeGrace    on revocation or stop, how long running work may take to finish before what
 *                       finished is committed and the partitions are handed on
 */
public record KeyOrderedSettings(int maxInFlight, Duration commitInterval, Duration pollTimeout, Duration revokeGrace) {

    public KeyOrderedSettings {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("max-in-flight must be at least 1 but was " + maxInFlight);
        }
        if (commitInterval.isNegative() || pollTimeout.isNegative() || revokeGrace.isNegative()) {
            throw new IllegalArgumentException("commit interval, poll timeout and revoke grace must not be negative");
        }
    }
}
