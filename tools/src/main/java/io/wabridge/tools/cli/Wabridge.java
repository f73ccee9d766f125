package io.wabridge.tools.cli;

import io.wabridge.tools.kafka.KafkaClients;
import io.wabridge.tools.replay.Replay;
import io.wabridge.tools.replay.ReplayOptions;
import io.wabridge.tools.tail.Tail;
import io.wabridge.tools.tail.TailOptions;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code wabridge} command line: {@code replay} and {@code tail}. Command output goes to the
 * given stream (stdout), diagnostics to the log (stderr).
 */
public final class Wabridge {

    private static final Logger log = LoggerFactory.getLogger(Wabridge.class);

    static final String USAGE = """
            usage: wabridge <command> [options]

              replay  re-drive records of a topic into the stage that consumes it (a DLT into its source topic),
                      or copy them to a scratch topic (--to)
                wabridge replay --from <topic> [--to <topic>] [--since <instant|15m>] [--until <instant|15m>]
                                [--partition N [--from-offset X] [--to-offset Y]] [--key <conversation key>]
                                [--message-id <wamid>] [--dry-run] [--force] [--unmasked] [--bootstrap-servers host:port]

              tail    print one conversation's events across all topics, masked unless --unmasked
                wabridge tail --key <conversation key> [--since <instant|15m>] [--follow] [--unmasked]
                              [--topics t1,t2,...] [--bootstrap-servers host:port]

            Kafka: --bootstrap-servers, else KAFKA_BOOTSTRAP_SERVERS or SPRING_KAFKA_BOOTSTRAPSERVERS, else localhost:9092.
            Docs: docs/operations.md""";

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final Clock clock;

    public Wabridge(PrintStream out, PrintStream err, Map<String, String> env, Clock clock) {
        this.out = out;
        this.err = err;
        this.env = env;
        this.clock = clock;
    }

    public static void main(String[] arguments) {
        AtomicBoolean stopped = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopped.set(true);
            try {
                finished.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "wabridge-stop"));
        int status;
        try {
            status = new Wabridge(System.out, System.err, System.getenv(), Clock.systemUTC()).run(Arrays.asList(arguments), stopped::get);
        } finally {
            finished.countDown();
        }
        System.exit(status);
    }

    /** @return the exit status: 0 done, 1 failed, 2 wrong usage */
    public int run(List<String> arguments, java.util.function.BooleanSupplier stop) {
        if (arguments.isEmpty() || List.of("help", "--help", "-h").contains(arguments.get(0))) {
            out.println(USAGE);
            return arguments.isEmpty() ? 2 : 0;
        }
        List<String> rest = arguments.subList(1, arguments.size());
        try {
            switch (arguments.get(0)) {
                case "replay" -> {
                    ReplayOptions options = ReplayOptions.parse(rest, clock);
                    new Replay(KafkaClients.of(options.bootstrapServers(), env), out, clock).run(options);
                }
                case "tail" -> {
                    TailOptions options = TailOptions.parse(rest, clock);
                    new Tail(KafkaClients.of(options.bootstrapServers(), env), out).run(options, stop);
                }
                default -> throw new UsageException("unknown command: " + arguments.get(0));
            }
            return 0;
        } catch (UsageException e) {
            err.println("wabridge: " + e.getMessage());
            err.println();
            err.println(USAGE);
            return 2;
        } catch (RuntimeException e) {
            log.debug("wabridge {} failed", arguments.get(0), e); // WABRIDGE_LOG_LEVEL=DEBUG shows the stack trace
            err.println("wabridge: " + arguments.get(0) + " failed: " + e.getMessage());
            return 1;
        }
    }
}
