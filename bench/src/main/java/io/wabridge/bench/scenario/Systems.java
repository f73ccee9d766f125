package io.wabridge.bench.scenario;

import io.wabridge.bench.load.LoadGenerator;
import io.wabridge.bench.load.WebhookBodies;
import io.wabridge.bench.process.ChildProcess;
import io.wabridge.bench.process.ChildSpec;
import io.wabridge.bench.process.FreePorts;
import io.wabridge.bench.sut.SutMain;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/** Starts the usual child processes of a scenario on free loopback ports. */
final class Systems {

    static final String ENDPOINT = "bench";
    static final String PHONE_NUMBER_ID = "100000000000001";
    static final String APP_SECRET = "bench-app-secret";
    /** Heap limit of each wabridge service: the per-service target, so a service that needs more fails visibly. */
    static final String SERVICE_HEAP = "256m";
    static final String BROKER_HEAP = "512m";
    static final int CONNECTIONS = 200;
    static final WebhookBodies BODIES = new WebhookBodies(PHONE_NUMBER_ID, APP_SECRET, 1000);

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private Systems() {
    }

    /** A single-node KRaft broker (the local-runner's) with its data in the scenario's folder; returns its bootstrap servers. */
    static String broker(ScenarioContext context) throws IOException, InterruptedException {
        int port = FreePorts.next();
        int controllerPort = FreePorts.next();
        ChildProcess broker = context.start(new ChildSpec("broker", SutMain.class.getName(), BROKER_HEAP, List.of("broker",
                "--port=" + port, "--controller-port=" + controllerPort,
                "--data-dir=" + context.dir().resolve("kafka-data").toAbsolutePath()), false));
        broker.awaitReady(START_TIMEOUT);
        return "localhost:" + port;
    }

    /** ingress-service with one endpoint, {@value #ENDPOINT}; returns its webhook URL. */
    static String ingress(ScenarioContext context, String bootstrapServers) throws IOException, InterruptedException {
        int port = FreePorts.next();
        String endpoint = "--wabridge.endpoints." + ENDPOINT + ".";
        ChildProcess ingress = context.start(new ChildSpec("ingress", SutMain.class.getName(), SERVICE_HEAP, List.of("ingress",
                "--server.port=" + port,
                "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                endpoint + "phone-number-id=" + PHONE_NUMBER_ID,
                endpoint + "verify-token=bench-verify-token",
                endpoint + "app-secret=" + APP_SECRET,
                endpoint + "access-token=bench-access-token"), false));
        ingress.awaitReady(START_TIMEOUT);
        return webhookUrl(port);
    }

    /** The no-work HTTP app; returns its webhook URL. */
    static String noWork(ScenarioContext context) throws IOException, InterruptedException {
        int port = FreePorts.next();
        ChildProcess noWork = context.start(new ChildSpec("nowork", SutMain.class.getName(), SERVICE_HEAP,
                List.of("nowork", "--server.port=" + port), false));
        noWork.awaitReady(START_TIMEOUT);
        return webhookUrl(port);
    }

    static LoadGenerator httpGenerator(ScenarioContext context, String url) throws IOException {
        return LoadGenerator.ready(context.start(LoadGenerator.http("generator", url, BODIES, CONNECTIONS)));
    }

    static LoadGenerator kafkaGenerator(ScenarioContext context, String bootstrapServers, String topic) throws IOException {
        return LoadGenerator.ready(context.start(LoadGenerator.kafka("generator", bootstrapServers, topic, BODIES)));
    }

    private static String webhookUrl(int port) {
        return "http://localhost:" + port + "/webhooks/whatsapp/" + ENDPOINT;
    }
}
