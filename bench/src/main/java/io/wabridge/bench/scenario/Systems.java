package io.wabridge.bench.scenario;

import io.wabridge.bench.fake.FakeClient;
import io.wabridge.bench.load.LoadGenerator;
import io.wabridge.bench.load.WebhookBodies;
import io.wabridge.bench.process.ChildSpec;
import io.wabridge.bench.process.FreePorts;
import io.wabridge.bench.sut.SutMain;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
    /** The fake Graph API's connections for status webhooks to ingress: two per message, each a few ms. */
    static final int STATUS_CONNECTIONS = 32;
    static final WebhookBodies BODIES = new WebhookBodies(PHONE_NUMBER_ID, APP_SECRET, 1000);
    /** The first sending number of {@link #numbers}. */
    static final String NUMBERS_FROM = "100000000000021";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private Systems() {
    }

    /** A single-node KRaft broker (the local-runner's) with its data in the scenario's folder; returns its bootstrap servers. */
    static String broker(ScenarioContext context) throws IOException, InterruptedException {
        int port = FreePorts.next();
        context.start(brokerSpec(port, FreePorts.next(), context.dir().resolve("kafka-data"))).awaitReady(START_TIMEOUT);
        return "localhost:" + port;
    }

    static ChildSpec brokerSpec(int port, int controllerPort, Path dataDir) {
        return new ChildSpec("broker", SutMain.class.getName(), BROKER_HEAP, List.of("broker",
                "--port=" + port, "--controller-port=" + controllerPort, "--data-dir=" + dataDir.toAbsolutePath()), false);
    }

    /** ingress-service with one endpoint, {@value #ENDPOINT}; returns its webhook URL. */
    static String ingress(ScenarioContext context, String bootstrapServers) throws IOException, InterruptedException {
        int port = FreePorts.next();
        context.start(ingressSpec(port, bootstrapServers, List.of(benchEndpoint(1000)))).awaitReady(START_TIMEOUT);
        return webhookUrl(port);
    }

    /**
     * ingress-service with {@code endpoints}; returns its routed webhook URL ({@code POST /webhooks/whatsapp},
     * where {@code metadata.phone_number_id} picks the endpoint: one callback URL for a Meta app's numbers).
     */
    static String ingress(ScenarioContext context, String bootstrapServers, List<Endpoint> endpoints) throws IOException, InterruptedException {
        int port = FreePorts.next();
        context.start(ingressSpec(port, bootstrapServers, endpoints)).awaitReady(START_TIMEOUT);
        return routedWebhookUrl(port);
    }

    /** ingress-service knowing {@code endpoints}, all signed with {@value #APP_SECRET} (one Meta app, several numbers). */
    static ChildSpec ingressSpec(int port, String bootstrapServers, List<Endpoint> endpoints) {
        List<String> args = new ArrayList<>(List.of("ingress", "--server.port=" + port, "--spring.kafka.bootstrap-servers=" + bootstrapServers));
        for (Endpoint endpoint : endpoints) {
            String prefix = "--wabridge.endpoints." + endpoint.id() + ".";
            args.addAll(List.of(prefix + "phone-number-id=" + endpoint.phoneNumberId(),
                    prefix + "verify-token=bench-verify-token",
                    prefix + "app-secret=" + APP_SECRET,
                    prefix + "access-token=bench-access-token"));
        }
        return new ChildSpec("ingress", SutMain.class.getName(), SERVICE_HEAP, args, false);
    }

    /** The no-work HTTP app; returns its webhook URL. */
    static String noWork(ScenarioContext context) throws IOException, InterruptedException {
        int port = FreePorts.next();
        context.start(noWorkSpec(port)).awaitReady(START_TIMEOUT);
        return webhookUrl(port);
    }

    static ChildSpec noWorkSpec(int port) {
        return new ChildSpec("nowork", SutMain.class.getName(), SERVICE_HEAP, List.of("nowork", "--server.port=" + port), false);
    }

    /**
     * A fake Graph API ({@code fake-graph}) or Cognigy REST Endpoint ({@code fake-cognigy}) answering
     * after {@code latencyMillis}, with {@code threads} request threads (at least latency × rate).
     */
    static FakeClient fake(ScenarioContext context, String role, long latencyMillis, int threads) throws IOException, InterruptedException {
        int port = FreePorts.next();
        context.start(fakeSpec(role, port, latencyMillis, threads, List.of())).awaitReady(START_TIMEOUT);
        return new FakeClient(port);
    }

    /**
     * The fake Graph API that also reports every accepted message to ingress as {@code sent} and
     * {@code delivered}, signed with {@value #APP_SECRET}, at {@code ingressUrl} (the routed URL).
     */
    static FakeClient graphWithStatuses(ScenarioContext context, long latencyMillis, int threads, String ingressUrl)
            throws IOException, InterruptedException {
        int port = FreePorts.next();
        context.start(fakeSpec("fake-graph", port, latencyMillis, threads, statusArgs(ingressUrl))).awaitReady(START_TIMEOUT);
        return new FakeClient(port);
    }

    static List<String> statusArgs(String ingressUrl) {
        return List.of("--status-webhook-url=" + ingressUrl, "--app-secret=" + APP_SECRET, "--status-connections=" + STATUS_CONNECTIONS);
    }

    /** @param extra further arguments of the fake (see {@link SutMain}) */
    static ChildSpec fakeSpec(String role, int port, long latencyMillis, int threads, List<String> extra) {
        List<String> args = new ArrayList<>(List.of(role, "--port=" + port, "--latency-ms=" + latencyMillis, "--threads=" + threads));
        args.addAll(extra);
        return new ChildSpec(role, SutMain.class.getName(), SERVICE_HEAP, args, false);
    }

    /**
     * One WhatsApp endpoint of the processor and egress, keyed by its id.
     *
     * @param deliveredOrdering {@code delivery.ordering=delivered}: egress sends a recipient's next
     *                          reply once the previous one's {@code delivered} status came back
     */
    record Endpoint(String id, String phoneNumberId, Duration messageDelay, int budget, boolean deliveredOrdering) {

        Endpoint(String id, String phoneNumberId, Duration messageDelay, int budget) {
            this(id, phoneNumberId, messageDelay, budget, false);
        }

        List<String> args() {
            String prefix = "--wabridge.endpoints." + id + ".";
            List<String> args = new ArrayList<>(List.of(prefix + "phone-number-id=" + phoneNumberId,
                    prefix + "access-token=bench-access-token",
                    prefix + "verify-token=bench-verify-token",
                    prefix + "message-delay=" + messageDelay.toMillis() + "ms",
                    "--wabridge.egress.throughput.budgets." + id + "=" + budget));
            if (deliveredOrdering) {
                args.add(prefix + "delivery.ordering=delivered");
            }
            return args;
        }
    }

    /** The endpoint the HTTP generator's webhooks are for. */
    static Endpoint benchEndpoint(int budget) {
        return new Endpoint(ENDPOINT, PHONE_NUMBER_ID, Duration.ZERO, budget);
    }

    /**
     * {@code count} endpoints {@code bench-1…}, each with its own sending number (consecutive ids from
     * {@value #NUMBERS_FROM}, as {@link WebhookBodies#phoneNumberId(long)} spreads the load) and budget.
     */
    static List<Endpoint> numbers(int count, int budget) {
        List<Endpoint> endpoints = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            endpoints.add(new Endpoint(ENDPOINT + "-" + (i + 1), Long.toString(Long.parseLong(NUMBERS_FROM) + i), Duration.ZERO, budget));
        }
        return List.copyOf(endpoints);
    }

    /** Webhooks spread over {@link #numbers} endpoints, signed with the one app secret they share. */
    static WebhookBodies numbersBodies(int count) {
        return new WebhookBodies(NUMBERS_FROM, APP_SECRET, BODIES.users(), count);
    }

    /** processor-service with its defaults (200 workers), every endpoint's Cognigy URL on the fake. */
    static void processor(ScenarioContext context, String bootstrapServers, FakeClient cognigy, List<Endpoint> endpoints)
            throws IOException, InterruptedException {
        processor(context, bootstrapServers, cognigy, endpoints, List.of());
    }

    /** @param extra further processor settings ({@code --wabridge.endpoints.bench.transformers.script=…}) */
    static void processor(ScenarioContext context, String bootstrapServers, FakeClient cognigy, List<Endpoint> endpoints, List<String> extra)
            throws IOException, InterruptedException {
        context.start(processorSpec(bootstrapServers, cognigy.url(), endpoints, extra)).awaitReady(START_TIMEOUT);
    }

    static ChildSpec processorSpec(String bootstrapServers, String cognigyUrl, List<Endpoint> endpoints) {
        return processorSpec(bootstrapServers, cognigyUrl, endpoints, List.of());
    }

    static ChildSpec processorSpec(String bootstrapServers, String cognigyUrl, List<Endpoint> endpoints, List<String> extra) {
        List<String> args = service("processor", bootstrapServers);
        for (Endpoint endpoint : endpoints) {
            args.addAll(endpoint.args());
            args.add("--wabridge.endpoints." + endpoint.id() + ".cognigy.url=" + cognigyUrl + "/endpoint/bench-url-token");
        }
        args.addAll(extra);
        return new ChildSpec("processor", SutMain.class.getName(), SERVICE_HEAP, args, false);
    }

    /** egress-service with its defaults, sending to the fake Graph API, each endpoint with its budget and message delay. */
    static void egress(ScenarioContext context, String bootstrapServers, FakeClient graph, List<Endpoint> endpoints)
            throws IOException, InterruptedException {
        context.start(egressSpec(bootstrapServers, graph.url(), endpoints)).awaitReady(START_TIMEOUT);
    }

    static ChildSpec egressSpec(String bootstrapServers, String graphUrl, List<Endpoint> endpoints) {
        List<String> args = service("egress", bootstrapServers);
        args.add("--wabridge.whatsapp.graph-url=" + graphUrl);
        endpoints.forEach(endpoint -> args.addAll(endpoint.args()));
        return new ChildSpec("egress", SutMain.class.getName(), SERVICE_HEAP, args, false);
    }

    private static List<String> service(String role, String bootstrapServers) {
        List<String> args = new ArrayList<>();
        args.add(role);
        args.add("--server.port=" + FreePorts.next());
        args.add("--spring.kafka.bootstrap-servers=" + bootstrapServers);
        return args;
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

    static String routedWebhookUrl(int port) {
        return "http://localhost:" + port + "/webhooks/whatsapp";
    }
}
