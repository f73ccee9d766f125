package io.wabridge.tools.tail;

import io.wabridge.model.Topics;
import io.wabridge.tools.cli.UsageException;
import java.time.Instant;
import java.util.List;

/**
 * @param key      the conversation key ({@code phoneNumberId:userId})
 * @param since    only events at or after it; null = all that the topics still hold
 * @param follow   keep printing new events until interrupted
 * @param unmasked show user ids, phone numbers and texts in full
 * @param topics   the topics to read (those that do not exist are skipped)
 * @param bootstrapServers Kafka, may be null (then the environment decides)
 */
public record TailOptions(String key, Instant since, boolean follow, boolean unmasked, List<String> topics, String bootstrapServers) {

    public static final List<String> DEFAULT_TOPICS = List.of(Topics.INBOUND, Topics.OUTBOUND, Topics.STATUSES,
            Topics.deadLetterOf(Topics.INBOUND), Topics.deadLetterOf(Topics.OUTBOUND));

    public TailOptions {
        if (key == null || key.isBlank()) {
            throw new UsageException("--key is required");
        }
        topics = List.copyOf(topics);
    }
}
