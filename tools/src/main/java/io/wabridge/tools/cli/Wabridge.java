package io.wabridge.tools.cli;

import io.wabridge.tools.kafka.KafkaClients;
import io.wabridge.tools.replay.ReplayCommand;
import io.wabridge.tools.tail.TailCommand;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code wabridge} command line: {@code replay} and {@code tail}, parsed by picocli. Command
 * output goes to the given stream (stdout), usage errors and failures to the other (stderr),
 * diagnostics to the log.
 */
@Command(name = "wabridge",
        description = "Replay, re-drive and tail wabridge's Kafka topics.",
        footer = {"",
                "Kafka: --bootstrap-servers, else KAFKA_BOOTSTRAP_SERVERS or SPRING_KAFKA_BOOTSTRAPSERVERS, else localhost:9092.",
                "Docs: docs/operations.md"})
public final class Wabridge implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(Wabridge.class);

    /** The exit statuses, shown in every command's help (and in docs/operations.md). */
    static final Map<String, String> EXIT_STATUSES = exitStatuses();

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final Clock clock;

    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

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

    /**
     * Runs one command line.
     *
     * @param stop true once a {@code tail --follow} should end (Ctrl-C)
     * @return the exit status: 0 done, 1 failed, 2 wrong usage
     */
    public int run(List<String> arguments, BooleanSupplier stop) {
        CommandLine commandLine = new CommandLine(this)
                .addSubcommand(new ReplayCommand(servers -> KafkaClients.of(servers, env), out, clock))
                .addSubcommand(new TailCommand(servers -> KafkaClients.of(servers, env), out, stop))
                .addSubcommand(new CommandLine.HelpCommand())
                .registerConverter(Instant.class, new TimeArgument(clock))
                .setOut(new PrintWriter(out, true, StandardCharsets.UTF_8))
                .setErr(new PrintWriter(err, true, StandardCharsets.UTF_8))
                .setParameterExceptionHandler((e, args) -> usageError(e.getCommandLine(), e))
                .setExecutionExceptionHandler(this::failed);
        commandLine.getCommandSpec().usageMessage().exitCodeListHeading("%nExit status:%n").exitCodeList(EXIT_STATUSES);
        commandLine.getSubcommands().values().forEach(command ->
                command.getCommandSpec().usageMessage().exitCodeListHeading("%nExit status:%n").exitCodeList(EXIT_STATUSES));
        return commandLine.execute(arguments.toArray(String[]::new));
    }

    /** {@code wabridge} alone: a command is needed. */
    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "a command is needed: replay or tail");
    }

    /** A command that ran but could not be carried out as asked is a usage error too (e.g. a topic that does not exist). */
    private int failed(Exception e, CommandLine command, ParseResult parsed) {
        if (e instanceof UsageException) {
            return usageError(command, e);
        }
        log.debug("wabridge {} failed", command.getCommandName(), e); // WABRIDGE_LOG_LEVEL=DEBUG shows the stack trace
        command.getErr().println("wabridge: " + command.getCommandName() + " failed: " + e.getMessage());
        return command.getCommandSpec().exitCodeOnExecutionException();
    }

    private static int usageError(CommandLine command, Exception e) {
        PrintWriter err = command.getErr();
        err.println("wabridge: " + e.getMessage());
        if (e instanceof ParameterException parameter) {
            UnmatchedArgumentException.printSuggestions(parameter, err);
        }
        err.println();
        command.usage(err);
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    private static Map<String, String> exitStatuses() {
        Map<String, String> statuses = new LinkedHashMap<>();
        statuses.put("0", "done");
        statuses.put("1", "failed (e.g. Kafka could not be reached)");
        statuses.put("2", "wrong usage: an unknown or invalid option, a missing topic");
        return Collections.unmodifiableMap(statuses);
    }
}
