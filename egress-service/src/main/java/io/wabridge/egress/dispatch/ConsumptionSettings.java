package io.wabridge.egress.dispatch;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How egress consumes {@code whatsapp.outbound} ({@code wabridge.egress.consumer.*}).
 *
 * @param groupId        consumer group shared by all egress instances (default {@code wabridge-egress})
 * @param maxInFlight    unfinished records above which consumption pauses; it resumes at half of it.
 *                       Bounds memory, not throughput (default 10000)
 * @param maxPollRecords records fetched per poll (default 500)
 * @param commitInterval how often finished offsets are committed (default 1 s)
 * @param pollTimeout    longest a poll blocks (default 100 ms)
 * @param shutdownGrace  how long a stopping instance waits for in-flight sends before committing
 *                       what finished (default 5 s)
 */
@ConfigurationProperties("wabridge.egress.consumer")
record ConsumptionSettings(
        String groupId,
        Integer maxInFlight,
        Integer maxPollRecords,
        Duration commitInterval,
        Duration pollTimeout,
        Duration shutdownGrace) {

    ConsumptionSettings {
        groupId = groupId == null || groupId.isBlank() ? "wabridge-egress" : groupId;
        maxInFlight = maxInFlight == null ? 10_000 : maxInFlight;
        maxPollRecords = maxPollRecords == null ? 500 : maxPollRecords;
        commitInterval = commitInterval == null ? Duration.ofSeconds(1) : commitInterval;
        pollTimeout = pollTimeout == null ? Duration.ofMillis(100) : pollTimeout;
        shutdownGrace = shutdownGrace == null ? Duration.ofSeconds(5) : shutdownGrace;
        if (maxInFlight < 2) {
            throw new IllegalArgumentException("wabridge.egress.consumer.max-in-flight must be at least 2 but was " + maxInFlight);
        }
        if (maxPollRecords < 1) {
            throw new IllegalArgumentException("wabridge.egress.consumer.max-poll-records must be at least 1 but was " + maxPollRecords);
        }
    }
}
