package io.wabridge.processor.pipeline;

import java.time.Duration;
import java.util.UUID;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the processor consumes {@code whatsapp.inbound} ({@code wabridge.processor.pipeline.*}).
 *
 * @param groupId         consumer group (default {@code wabridge-processor})
 * @param transactionalId this instance's transactional id; must be unique per instance and stable
 *                        across its restarts, so a restart aborts its predecessor's open
 *                        transaction at once (default {@code wabridge-processor-} + {@code HOSTNAME}
 *                        or a random id)
 * @param workers         threads calling Cognigy; one busy per conversation in a turn (default 200)
 * @param maxInFlight     records polled but not yet committed before consumption pauses (default 5000)
 * @param commitInterval  how often completed turns are committed while work is in flight (default 50 ms)
 * @param maxPollRecords  records per poll (default 1000)
 * @param drainTimeout    on revocation or shutdown, how long to wait for running turns (default 30 s)
 * @param restoreTimeout  how long restoring the state of newly assigned partitions may take (default 2 min)
 */
@ConfigurationProperties("wabridge.processor.pipeline")
public record PipelineSettings(
        String groupId,
        String transactionalId,
        Integer workers,
        Integer maxInFlight,
        Duration commitInterval,
        Integer maxPollRecords,
        Duration drainTimeout,
        Duration restoreTimeout) {

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
