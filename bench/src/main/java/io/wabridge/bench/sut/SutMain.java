package io.wabridge.bench.sut;

import io.wabridge.bench.process.Args;
import io.wabridge.bench.process.ChildProcess;
import io.wabridge.bench.process.ChildSide;
import io.wabridge.ingress.IngressApplication;
import io.wabridge.local.LocalKafka;
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
 * </ul>
 * Further roles (processor, egress, the fakes) plug in here as their modules arrive.
 */
public final class SutMain {

    private static final Logger log = LoggerFactory.getLogger(SutMain.class);

    private SutMain() {
    }

    public static void main(String[] argv) throws Exception {
        Args args = Args.parse(argv);
        ChildSide child = ChildSide.install(args, true);
        String role = args.positional().isEmpty() ? "" : args.positional().get(0);
        String[] springArgs = springArguments(argv);
        switch (role) {
            case "broker" -> {
                LocalKafka kafka = LocalKafka.start(Path.of(args.required("data-dir")),
                        args.getInt("port", 9092), args.getInt("controller-port", 9093));
                Runtime.getRuntime().addShutdownHook(new Thread(kafka::close, "broker-shutdown"));
            }
            case "ingress" -> IngressApplication.builder().run(springArgs);
            case "nowork" -> NoWorkApplication.builder().run(springArgs);
            default -> throw new IllegalArgumentException("role must be broker, ingress or nowork but was '" + role + "'");
        }
        log.info("{} ready", role);
        child.ready();
    }

    /** The {@code --key=value} arguments meant for Spring (the harness's own ones removed). */
    private static String[] springArguments(String[] argv) {
        return Stream.concat(Stream.of("--logging.config=classpath:" + ChildProcess.LOGGING), Stream.of(argv)
                        .filter(arg -> arg.startsWith("--") && !arg.startsWith("--bench-")))
                .toArray(String[]::new);
    }
}
