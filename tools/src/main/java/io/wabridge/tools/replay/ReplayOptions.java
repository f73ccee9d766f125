package io.wabridge.tools.replay;

import io.wabridge.tools.cli.UsageException;
import java.time.Instant;

/**
 * What to replay and where to, checked together (picocli checks each option alone).
 *
 * @param from        the topic to read
 * @param to          the topic to write to; null = the stage that consumes {@code from} (the same
 *                    topic, or for a dead-letter topic the record's {@code dlt-source-topic})
 * @param since       only records with a timestamp at or after it; null = from the beginning
 * @param until       only records with a timestamp at or before it; null = up to the end at start
 * @param partition   only this partition; required with the offsets
 * @param fromOffset  first offset (inclusive) in {@code partition}
 * @param toOffset    last offset (inclusive) in {@code partition}
 * @param key         only records with this key (conversation key)
 * @param messageId   only records about this WhatsApp message id (wamid)
 * @param dryRun      print the selection, write nothing
 * @param force       mark the records {@code replay-force: true}: dedupe and send ledger let them through
 * @param unmasked    print keys in full
 * @param bootstrapServers Kafka, may be null (then the environment decides)
 */
public record ReplayOptions(
        String from,
        String to,
        Instant since,
        Instant until,
        Integer partition,
        Long fromOffset,
        Long toOffset,
        String key,
        String messageId,
        boolean dryRun,
        boolean force,
        boolean unmasked,
        String bootstrapServers) {

    public ReplayOptions {
        if (from == null || from.isBlank()) {
            throw new UsageException("--from is required");
        }
        if (from.equals(to)) {
            to = null;
        }
        if ((fromOffset != null || toOffset != null) && partition == null) {
            throw new UsageException("--from-offset and --to-offset need --partition");
        }
        if (fromOffset != null && toOffset != null && toOffset < fromOffset) {
            throw new UsageException("--to-offset must not be before --from-offset");
        }
        if (since != null && until != null && until.isBefore(since)) {
            throw new UsageException("--until must not be before --since");
        }
    }
}
