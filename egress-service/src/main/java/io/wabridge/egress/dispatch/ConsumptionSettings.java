package io.wabridge.egress.dispatch;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How egress consumes {@code whatsapp.outbound} ({@code wabridge.egress.consumer.*}).
 *
 * @param groupId        consumer group shared by all egress instances
 * @param maxInFlight    unfinished records above which consumption pauses; it resumes at half of it.
 *                       Bounds memory, not throughput
 * @param maxPollRecords records fetched per poll
 * @param commitInterval how often finished offsets are committed
 * @param pollTimeout    longest a poll blocks while nothing waits for a commit; records end a poll at once,
 *                       so this only sets how often an idle consumer wakes up (run J in docs/benchmarks.md)
 * @param shutdownGrace  how long a stopping instance waits for in-flight sends before committing
 *                       what finished
 */
@ConfigurationProperties("wabridge.egress.consumer")
record ConsumptionSettings(
        @DefaultValue("wabridge-egress") String groupId,
        @DefaultValue("10000") Integer maxInFlight,
        @DefaultValue("500") Integer maxPollRecords,
        @DefaultValue("1s") Duration commitInterval,
        @DefaultValue("1s") Duration pollTimeout,
        @DefaultValue("5s") Duration shutdownGrace) {

    ConsumptionSettings {
        groupId = groupId == null || groupId.isBlank() ? "wabridge-egress" : groupId;
        maxInFlight = maxInFlight == null ? 10_000 : maxInFlight;
        maxPollRecords = maxPollRecords == null ? 500 : maxPollRecords;
        commitInterval = commitInterval == null ? Duration.ofSeconds(1) : commitInterval;
        pollTimeout = pollTimeout == null ? Duration.ofSeconds(1) : pollTimeout;
        shutdownGrace = shutdownGrace == null ? Duration.ofSeconds(5) : shutdownGrace;
        if (maxInFlight < 2) {
            throw new IllegalArgumentException("wabridge.egress.consumer.max-in-flight must be at least 2 but was " + maxInFlight);
        }
        if (maxPollRecords < 1) {
            throw new IllegalArgumentException("wabridge.egress.consumer.max-poll-records must be at least 1 but was " + maxPollRecords);
        }
    }
}
