package io.wabridge.tools.replay;

import io.wabridge.tools.kafka.KafkaClients;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code wabridge replay}: the options as picocli reads them, checked together by {@link ReplayOptions}. */
@Command(name = "replay",
        description = {"Re-drive records of a topic into the stage that consumes it (a DLT into its source topic), or copy them to a "
                + "scratch topic (--to).", "Without --force it cannot make a user get a message twice."},
        sortOptions = false, sortSynopsis = false)
public final class ReplayCommand implements Callable<Integer> {

    private final Function<String, KafkaClients> kafka;
    private final PrintStream out;
    private final Clock clock;

    @Option(names = "--from", required = true, paramLabel = "<topic>", description = "The topic to read.")
    private String from;
    @Option(names = "--to", paramLabel = "<topic>",
            description = "Write to this (existing) topic instead of the stage that consumes --from.")
    private String to;
    @Option(names = "--since", paramLabel = "<instant|15m>", description = "Only records at or after it (ISO instant or a duration ago).")
    private Instant since;
    @Option(names = "--until", paramLabel = "<instant|15m>", description = "Only records at or before it.")
    private Instant until;
    @Option(names = "--partition", paramLabel = "N", description = "Only this partition (needed for the offsets).")
    private Integer partition;
    @Option(names = "--from-offset", paramLabel = "X", description = "First offset in --partition (inclusive).")
    private Long fromOffset;
    @Option(names = "--to-offset", paramLabel = "Y", description = "Last offset in --partition (inclusive).")
    private Long toOffset;
    @Option(names = "--key", paramLabel = "<conversation key>", description = "Only records with this key (phoneNumberId:userId).")
    private String key;
    @Option(names = "--message-id", paramLabel = "<wamid>", description = "Only records about this WhatsApp message.")
    private String messageId;
    @Option(names = "--dry-run", description = "Print the selection, write nothing.")
    private boolean dryRun;
    @Option(names = "--force", description = "Mark the records replay-force: dedupe and send ledger let them through.")
    private boolean force;
    @Option(names = "--unmasked", description = "Print keys in full.")
    private boolean unmasked;
    @Option(names = "--bootstrap-servers", paramLabel = "host:port",
            description = "Kafka; else KAFKA_BOOTSTRAP_SERVERS or SPRING_KAFKA_BOOTSTRAPSERVERS, else localhost:9092.")
    private String bootstrapServers;
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    public ReplayCommand(Function<String, KafkaClients> kafka, PrintStream out, Clock clock) {
        this.kafka = kafka;
        this.out = out;
        this.clock = clock;
    }

    /** The options given, checked together. */
    ReplayOptions options() {
        return new ReplayOptions(from, to, since, until, partition, fromOffset, toOffset, key, messageId, dryRun, force, unmasked,
                bootstrapServers);
    }

    @Override
    public Integer call() {
        ReplayOptions options = options();
        new Replay(kafka.apply(options.bootstrapServers()), out, clock).run(options);
        return 0;
    }
}
