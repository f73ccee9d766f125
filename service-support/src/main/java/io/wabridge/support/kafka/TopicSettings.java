package io.wabridge.support.kafka;

import io.wabridge.model.Topics;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Topic names and how the services create them at start-up ({@code wabridge.topics.*}).
 *
 * @param partitions        partitions of each topic; bounds consumer parallelism (default 12)
 * @param replicationFactor 1 for a single local broker; use 3 in production (default 1)
 * @param create            create missing topics at start-up (default true)
 * @param transcripts       the conversation transcript topic (default {@code whatsapp.transcripts}); a log,
 *                          not compacted: entries are deleted after {@code transcripts-retention}
 * @param transcriptsRetention how long transcript entries are kept when the topic is created (default 30 days)
 */
@ConfigurationProperties("wabridge.topics")
public record TopicSettings(
        String inbound,
        String statuses,
        String outbound,
        String quarantine,
        String changes,
        Integer partitions,
        Short replicationFactor,
        Boolean create,
        String transcripts,
        Duration transcriptsRetention) {

    public TopicSettings {
        inbound = orDefault(inbound, Topics.INBOUND);
        statuses = orDefault(statuses, Topics.STATUSES);
        outbound = orDefault(outbound, Topics.OUTBOUND);
        quarantine = orDefault(quarantine, Topics.QUARANTINE);
        changes = orDefault(changes, Topics.CHANGES);
        partitions = partitions == null ? 12 : partitions;
        replicationFactor = replicationFactor == null ? 1 : replicationFactor;
        create = create == null || create;
        transcripts = orDefault(transcripts, Topics.TRANSCRIPTS);
        transcriptsRetention = transcriptsRetention == null ? Duration.ofDays(30) : transcriptsRetention;
        if (partitions < 1) {
            throw new IllegalArgumentException("wabridge.topics.partitions must be at least 1 but was " + partitions);
        }
        if (transcriptsRetention.isNegative() || transcriptsRetention.isZero()) {
            throw new IllegalArgumentException("wabridge.topics.transcripts-retention must be positive but was " + transcriptsRetention);
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("wabridge.topics.replication-factor must be at least 1 but was " + replicationFactor);
        }
    }

    public static TopicSettings defaults() {
        return new TopicSettings(null, null, null, null, null, null, null, null, null, null);
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
