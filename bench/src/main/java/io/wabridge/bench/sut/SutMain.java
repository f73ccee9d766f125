package io.wabridge.bench.sut;

import io.wabridge.bench.fake.FakeServer;
import io.wabridge.bench.process.Args;
import io.wabridge.bench.process.ChildProcess;
import io.wabridge.bench.process.ChildSide;
import io.wabridge.egress.EgressApplication;
import io.wabridge.ingress.IngressApplication;
import io.wabridge.local.LocalKafka;
import io.wabridge.processor.ProcessorApplication;
import io.wabridge.support.jvm.CommonPool;
import java.net.URI;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code SutMain <role> [--key=value...]}: one system under test in this JVM.
 * <ul>
 *   <li>{@code broker --port=P --controller-port=C --data-dir=D}: the local-runner's single-node KRaft broker</li>
 *   <li>{@code ingress --<spring property>=...}: ingress-service as its own {@code main} starts it</li>
 *   <li>{@code nowork --server.port=P}: the same Spring MVC / Tomcat stack answering 200 without work</li>
 *   <li>{@code processor --<spring property>=...}, {@code egress --<spring property>=...}: the services as their
 *       {@code main} starts them</li>
 *   <li>{@code fake-graph|fake-cognigy --port=P --latency-ms=L --threads=T}: a {@link FakeServer}; the fake
 *       Graph API with {@code --status-webhook-url=U --app-secret=S [--status-connections=N]} also sends signed {@code sent} and
 *       {@code delivered} status webhooks to ingress ({@code delivered} ordering)</li>
 * </ul>
 */
public final class SutMain {

    private static final Logger log = LoggerFactory.getLogger(SutMain.class);

    private SutMain() {
    }

    public static void main(String[] argv) throws Exception {
        Args args = Args.parse(argv);
        if (argv.length > 0 && ("egress".equals(argv[0]) || "processor".equals(argv[0]))) {
            CommonPool.atLeastTwoThreads(); // as EgressApplication.main and ProcessorApplication.main do, before anything uses the common pool
        }
        ChildSide child = ChildSide.install(args, true);
        AutoCloseable role = start(argv);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(role), "bench-role-shutdown"));
        log.info("{} ready", argv[0]);
        child.ready();
    }

    /**
     * Starts the role {@code argv[0]} in this JVM and returns once it is up (what a child process
     * reports as ready); closing the result stops it. The child processes and the test that every
     * role starts both come through here.
     */
    public static AutoCloseable start(String... argv) throws Exception {
        Args args = Args.parse(argv);
        String role = args.positional().isEmpty() ? "" : args.positional().get(0);
        String[] springArgs = springArguments(argv);
        return switch (role) {
            case "broker" -> LocalKafka.start(Path.of(args.required("data-dir")),
                    args.getInt("port", 9092), args.getInt("controller-port", 9093));
            case "ingress" -> IngressApplication.builder().run(springArgs);
            case "nowork" -> NoWorkApplication.builder().run(springArgs);
            case "processor" -> {
                CommonPool.atLeastTwoThreads();
                yield ProcessorApplication.builder().run(springArgs);
            }
            case "egress" -> {
                EgressApplication.sizeCommonPool();
                yield EgressApplication.builder().run(springArgs);
            }
            case "fake-graph", "fake-cognigy" -> {
                int port = args.getInt("port", 0);
                int latency = args.getInt("latency-ms", 0);
                int threads = args.getInt("threads", 200);
                FakeServer fake = args.options().containsKey("status-webhook-url")
                        ? FakeServer.startWithStatuses(port, latency, threads, URI.create(args.required("status-webhook-url")),
                                args.required("app-secret"), args.getInt("status-connections", 32))
                        : FakeServer.start(role.equals("fake-graph") ? FakeServer.Kind.GRAPH : FakeServer.Kind.COGNIGY, port, latency, threads);
                yield fake::stop;
            }
            default -> throw new IllegalArgumentException(
                    "role must be broker, ingress, nowork, processor, egress, fake-graph or fake-cognigy but was '" + role + "'");
        };
    }

    private static void stop(AutoCloseable role) {
        try {
            role.close();
        } catch (Exception e) {
            log.warn("stopping failed", e);
        }
    }

    /** The {@code --key=value} arguments meant for Spring (the harness's own ones removed). */
    private static String[] springArguments(String[] argv) {
        return Stream.concat(Stream.of("--logging.config=classpath:" + ChildProcess.LOGGING), Stream.of(argv)
                        .filter(arg -> arg.startsWith("--") && !arg.startsWith("--bench-")))
                .toArray(String[]::new);
    }
}
