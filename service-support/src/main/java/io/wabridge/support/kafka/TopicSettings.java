package io.wabridge.support.kafka;

import io.wabridge.model.Topics;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Topic names and how the services create them at start-up ({@code wabridge.topics.*}).
 *
 * @param inbound           webhook messages and API calls, read by the processor
 * @param statuses          delivery statuses from webhooks and egress's own send outcomes
 * @param outbound          replies and actions for egress to send
 * @param quarantine        webhook bodies and items that could not become events
 * @param changes           account and template changes Meta reports ({@code field}s other than messages)
 * @param partitions        partitions of each topic; bounds consumer parallelism
 * @param replicationFactor 1 for a single local broker; use 3 in production
 * @param create            create missing topics at start-up
 * @param transcripts       the conversation transcript topic; a log, not compacted: entries are
 *                          deleted after {@code transcripts-retention}
 * @param transcriptsRetention how long transcript entries are kept when the topic is created
 * @param handover          handover lifecycle events and (with the {@code kafka} provider) the users'
 *                          messages for agent desks, written by the processor
 */
@ConfigurationProperties("wabridge.topics")
public record TopicSettings(
        @DefaultValue(Topics.INBOUND) String inbound,
        @DefaultValue(Topics.STATUSES) String statuses,
        @DefaultValue(Topics.OUTBOUND) String outbound,
        @DefaultValue(Topics.QUARANTINE) String quarantine,
        @DefaultValue(Topics.CHANGES) String changes,
        @DefaultValue("12") Integer partitions,
        @DefaultValue("1") Short replicationFactor,
        @DefaultValue("true") Boolean create,
        @DefaultValue(Topics.TRANSCRIPTS) String transcripts,
        @DefaultValue("30d") Duration transcriptsRetention,
        @DefaultValue(Topics.HANDOVER) String handover) {

    public TopicSettings {
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

    /** Every topic setting at its default, as bound from no properties. */
    public static TopicSettings defaults() {
        return new Binder().bindOrCreate("wabridge.topics", TopicSettings.class);
    }
}
