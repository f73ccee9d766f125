package io.wabridge.tools.tail;

import io.wabridge.tools.kafka.KafkaClients;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code wabridge tail}: the options as picocli reads them, into {@link TailOptions}. */
@Command(name = "tail", description = "Print one conversation's events across its topics, ordered by time; masked unless --unmasked.",
        sortOptions = false, sortSynopsis = false)
public final class TailCommand implements Callable<Integer> {

    private final Function<String, KafkaClients> kafka;
    private final PrintStream out;
    private final BooleanSupplier stop;

    @Option(names = "--key", required = true, paramLabel = "<conversation key>", description = "The conversation (phoneNumberId:userId).")
    private String key;
    @Option(names = "--since", paramLabel = "<instant|15m>", description = "Only events at or after it (ISO instant or a duration ago).")
    private Instant since;
    @Option(names = "--follow", description = "Keep printing new events until Ctrl-C.")
    private boolean follow;
    @Option(names = "--unmasked", description = "Show user ids, phone numbers and texts in full.")
    private boolean unmasked;
    @Option(names = "--topics", split = ",", paramLabel = "t1,t2,...",
            description = "The topics to read (missing ones are skipped); default: inbound, outbound, statuses and both DLTs.")
    private List<String> topics;
    @Option(names = "--bootstrap-servers", paramLabel = "host:port",
            description = "Kafka; else KAFKA_BOOTSTRAP_SERVERS or SPRING_KAFKA_BOOTSTRAPSERVERS, else localhost:9092.")
    private String bootstrapServers;
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    public TailCommand(Function<String, KafkaClients> kafka, PrintStream out, BooleanSupplier stop) {
        this.kafka = kafka;
        this.out = out;
        this.stop = stop;
    }

    TailOptions options() {
        List<String> named = topics == null ? TailOptions.DEFAULT_TOPICS
                : topics.stream().map(String::trim).filter(topic -> !topic.isEmpty()).toList();
        return new TailOptions(key, since, follow, unmasked, named, bootstrapServers);
    }

    @Override
    public Integer call() {
        TailOptions options = options();
        new Tail(kafka.apply(options.bootstrapServers()), out).run(options, stop);
        return 0;
    }
}
