package io.wabridge.bench.load;

import io.wabridge.bench.process.Args;
import io.wabridge.bench.process.ChildSide;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The load generator process. {@code --target=http --url=... --connections=N} posts signed
 * webhooks ({@code --stamped=true}: with the intended send time in the text); {@code --target=kafka
 * --bootstrap=... --topic=...} produces inbound-sized records; {@code --target=inbound ... --endpoint-id=...}
 * produces real, stamped {@code InboundEvent}s (what ingress writes) for the processor. Phases come in
 * on standard input (see {@link GeneratorProtocol}); end of input stops it, so it never
 * outlives the harness.
 */
public final class LoadGeneratorMain {

    private static final Logger log = LoggerFactory.getLogger(LoadGeneratorMain.class);

    private LoadGeneratorMain() {
    }

    public static void main(String[] argv) throws Exception {
        Args args = Args.parse(argv);
        ChildSide.install(args, false);
        WebhookBodies bodies = new WebhookBodies(args.required("phone-number-id"), args.required("app-secret"),
                args.getInt("users", 1000), args.getInt("numbers", 1));
        PrintStream protocol = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (LoadTarget target = target(args, bodies);
                BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            PhaseRunner runner = new PhaseRunner(target);
            protocol.println(GeneratorProtocol.READY);
            String line;
            while ((line = commands.readLine()) != null && !line.isBlank() && !GeneratorProtocol.EXIT.equals(line.trim())) {
                LoadPhase phase = GeneratorProtocol.read(line, LoadPhase.class);
                PhaseResult result = runner.run(phase);
                protocol.println(GeneratorProtocol.RESULT + GeneratorProtocol.write(result));
            }
        }
        log.info("load generator done");
        System.exit(0);
    }

    private static LoadTarget target(Args args, WebhookBodies bodies) {
        String kind = args.required("target");
        return switch (kind) {
            case "http" -> new HttpTarget(URI.create(args.required("url")), bodies, args.getInt("connections", 200),
                    args.getInt("timeout-ms", 10_000), args.flag("stamped"));
            case "kafka" -> new KafkaTarget(args.required("bootstrap"), args.required("topic"), bodies);
            case "inbound" -> new InboundTarget(args.required("bootstrap"), args.required("topic"), args.required("endpoint-id"), bodies);
            default -> throw new IllegalArgumentException("--target must be http, kafka or inbound but was " + kind);
        };
    }
}
