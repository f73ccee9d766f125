package io.wabridge.bench.load;

import io.wabridge.bench.process.ChildProcess;
import io.wabridge.bench.process.ChildSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The harness's handle on a load generator process: sends it phases, reads back their results. */
public final class LoadGenerator {

    private final ChildProcess process;

    private LoadGenerator(ChildProcess process) {
        this.process = process;
    }

    /** Webhook POSTs to {@code url} over {@code connections} keep-alive connections. */
    public static ChildSpec http(String name, String url, WebhookBodies bodies, int connections) {
        return spec(name, List.of("--target=http", "--url=" + url, "--connections=" + connections), bodies);
    }

    /** Webhook POSTs whose text carries the sequence number and intended send time (end to end). */
    public static ChildSpec stampedHttp(String name, String url, WebhookBodies bodies, int connections) {
        return spec(name, List.of("--target=http", "--url=" + url, "--connections=" + connections, "--stamped=true"), bodies);
    }

    /** Real inbound message events for {@code endpointId} to {@code topic}, stamped (see {@code InboundTarget}). */
    public static ChildSpec inbound(String name, String bootstrapServers, String topic, String endpointId, WebhookBodies bodies) {
        return spec(name, List.of("--target=inbound", "--bootstrap=" + bootstrapServers, "--topic=" + topic,
                "--endpoint-id=" + endpointId), bodies);
    }

    /** Records to {@code topic} with ingress's producer settings. */
    public static ChildSpec kafka(String name, String bootstrapServers, String topic, WebhookBodies bodies) {
        return spec(name, List.of("--target=kafka", "--bootstrap=" + bootstrapServers, "--topic=" + topic), bodies);
    }

    private static ChildSpec spec(String name, List<String> targetArgs, WebhookBodies bodies) {
        List<String> args = new ArrayList<>(targetArgs);
        args.add("--phone-number-id=" + bodies.phoneNumberId());
        args.add("--app-secret=" + bodies.appSecret());
        args.add("--users=" + bodies.users());
        args.add("--numbers=" + bodies.numbers());
        return new ChildSpec(name, LoadGeneratorMain.class.getName(), "512m", args, true);
    }

    /** Waits for a started generator to be ready. */
    public static LoadGenerator ready(ChildProcess process) throws IOException {
        process.awaitLine(GeneratorProtocol.READY);
        return new LoadGenerator(process);
    }

    public PhaseResult run(LoadPhase phase) throws IOException {
        process.send(GeneratorProtocol.write(phase));
        return GeneratorProtocol.read(process.awaitLine(GeneratorProtocol.RESULT), PhaseResult.class);
    }
}
