package io.wabridge.processor.pipeline;

import java.time.Duration;
import java.util.UUID;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the processor consumes {@code whatsapp.inbound} ({@code wabridge.processor.pipeline.*}).
 *
 * @param groupId         consumer group
 * @param transactionalId this instance's transactional id; must be unique per instance and stable
 *                        across its restarts, so a restart aborts its predecessor's open
 *                        transaction at once (unset: {@code wabridge-processor-} + {@code HOSTNAME}, else a random id)
 * @param workers         threads calling Cognigy; one busy per conversation in a turn
 * @param maxInFlight     records polled but not yet committed before consumption pauses
 * @param commitInterval  how often completed turns are committed while work is in flight
 * @param maxPollRecords  records per poll
 * @param drainTimeout    on revocation or shutdown, how long to wait for running turns
 * @param restoreTimeout  how long restoring the state of newly assigned partitions may take
 */
@ConfigurationProperties("wabridge.processor.pipeline")
public record PipelineSettings(
        @DefaultValue("wabridge-processor") String groupId,
        String transactionalId,
        @DefaultValue("200") Integer workers,
        @DefaultValue("5000") Integer maxInFlight,
        @DefaultValue("50ms") Duration commitInterval,
        @DefaultValue("1000") Integer maxPollRecords,
        @DefaultValue("30s") Duration drainTimeout,
        @DefaultValue("2m") Duration restoreTimeout) {

    public PipelineSettings {
        groupId = blank(groupId) ? "wabridge-processor" : groupId;
        if (blank(transactionalId)) {
            String host = System.getenv("HOSTNAME");
            transactionalId = "wabridge-processor-" + (blank(host) ? UUID.randomUUID() : host);
        }
        workers = workers == null ? 200 : workers;
        maxInFlight = maxInFlight == null ? 5000 : maxInFlight;
        commitInterval = commitInterval == null ? Duration.ofMillis(50) : commitInterval;
        maxPollRecords = maxPollRecords == null ? 1000 : maxPollRecords;
        drainTimeout = drainTimeout == null ? Duration.ofSeconds(30) : drainTimeout;
        restoreTimeout = restoreTimeout == null ? Duration.ofMinutes(2) : restoreTimeout;
        if (workers < 1) {
            throw new IllegalArgumentException("wabridge.processor.pipeline.workers must be at least 1 but was " + workers);
        }
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("wabridge.processor.pipeline.max-in-flight must be at least 1 but was " + maxInFlight);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
