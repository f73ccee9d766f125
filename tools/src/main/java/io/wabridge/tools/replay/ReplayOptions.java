package io.wabridge.tools.replay;

import io.wabridge.tools.cli.Args;
import io.wabridge.tools.cli.TimeArgument;
import io.wabridge.tools.cli.UsageException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What to replay and where to.
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

    static final Set<String> VALUED = Set.of("from", "to", "since", "until", "partition", "from-offset", "to-offset", "key",
            "message-id", "bootstrap-servers");
    static final Set<String> FLAGS = Set.of("dry-run", "force", "unmasked");

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

    public static ReplayOptions parse(List<String> arguments, Clock clock) {
        Args args = Args.parse(arguments, VALUED, FLAGS);
        return new ReplayOptions(
                args.required("from"),
                args.value("to").orElse(null),
                args.value("since").map(text -> TimeArgument.parse("since", text, clock)).orElse(null),
                args.value("until").map(text -> TimeArgument.parse("until", text, clock)).orElse(null),
                args.number("partition").map(Long::intValue).orElse(null),
                args.number("from-offset").orElse(null),
                args.number("to-offset").orElse(null),
                args.value("key").orElse(null),
                args.value("message-id").orElse(null),
                args.flag("dry-run"),
                args.flag("force"),
                args.flag("unmasked"),
                args.value("bootstrap-servers").orElse(null));
    }
}
