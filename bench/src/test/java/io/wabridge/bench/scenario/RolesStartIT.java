package io.wabridge.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wabridge.bench.fake.FakeClient;
import io.wabridge.bench.load.LoadGenerator;
import io.wabridge.bench.load.WebhookBodies;
import io.wabridge.bench.process.ChildProcess;
import io.wabridge.bench.process.ChildSpec;
import io.wabridge.bench.process.FreePorts;
import io.wabridge.bench.process.ProcessStats;
import io.wabridge.bench.sut.SutMain;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every role a scenario starts comes up with the arguments the scenarios give it, answers, and
 * stops: a role that no longer starts (a new bean it lacks, a setting it now requires) fails here
 * instead of turning a benchmark run invalid. The roles run in this JVM through
 * {@link SutMain#start}, as their child processes do, with the child-process protocol (ready file,
 * stop, heap stats) checked on the two cheap children.
 */
@Timeout(240)
class RolesStartIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Every kind of endpoint the scenarios configure: one ordered by delivery, several numbers ordered by acceptance. */
    private static final List<Systems.Endpoint> ENDPOINTS = endpoints();
    private static final List<AutoCloseable> SHARED = new ArrayList<>();

    @TempDir
    static Path dir;
    private static String bootstrap;
    private static FakeClient graph;
    private static FakeClient cognigy;

    @BeforeAll
    static void startBrokerAndFakes() throws Exception {
        int port = FreePorts.next();
        SHARED.add(start(Systems.brokerSpec(port, FreePorts.next(), dir.resolve("kafka-data"))));
        bootstrap = "localhost:" + port;
        int graphPort = FreePorts.next();
        SHARED.add(start(Systems.fakeSpec("fake-graph", graphPort, 0, 4, List.of())));
        graph = new FakeClient(graphPort);
        int cognigyPort = FreePorts.next();
        SHARED.add(start(Systems.fakeSpec("fake-cognigy", cognigyPort, 0, 4, List.of())));
        cognigy = new FakeClient(cognigyPort);
    }

    @AfterAll
    static void stopShared() throws Exception {
        Collections.reverse(SHARED);
        for (AutoCloseable role : SHARED) {
            role.close();
        }
    }

    @Test
    void fakesAnswer() throws Exception {
        assertThat(graph.count()).isZero();
        assertThat(cognigy.count()).isZero();
    }

    @Test
    void noWorkAppAnswersAWebhook() throws Exception {
        int port = FreePorts.next();
        whileRunning(Systems.noWorkSpec(port), () -> assertThat(postWebhook(port)).isEqualTo(200));
    }

    @Test
    void ingressAcknowledgesSignedWebhooksAndTheFakeGraphApisStatuses() throws Exception {
        int port = FreePorts.next();
        whileRunning(Systems.ingressSpec(port, bootstrap, ENDPOINTS), () -> {
            awaitHealthy(port);
            assertThat(postWebhook(port)).isEqualTo(200);
            assertThat(post(Systems.routedWebhookUrl(port), Systems.numbersBodies(4), 3)).isEqualTo(200);

            int graphPort = FreePorts.next();
            whileRunning(Systems.fakeSpec("fake-graph", graphPort, 0, 4, Systems.statusArgs(Systems.routedWebhookUrl(port))), () -> {
                FakeClient statusGraph = new FakeClient(graphPort);
                HttpRequest send = HttpRequest.newBuilder(URI.create(statusGraph.url() + "/v25.0/" + Systems.PHONE_NUMBER_ID + "/messages"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"messaging_product\":\"whatsapp\",\"to\":\"491510000001\","
                                + "\"type\":\"text\",\"text\":{\"body\":\"n=1 hello\"},\"biz_opaque_callback_data\":\"out-1\"}")).build();
                assertThat(HTTP.send(send, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
                await().atMost(Duration.ofSeconds(30))
                        .untilAsserted(() -> assertThat(statusGraph.statusCounts()).isEqualTo(new FakeClient.StatusCounts(2, 0, 0)));
            });
        });
    }

    @Test
    void processorStartsHealthy() throws Exception {
        ChildSpec spec = Systems.processorSpec(bootstrap, cognigy.url(), ENDPOINTS);
        whileRunning(spec, () -> awaitHealthy(serverPort(spec)));
    }

    @Test
    void processorStartsHealthyWithTheBenchTransformer() throws Exception {
        ChildSpec spec = Systems.processorSpec(bootstrap, cognigy.url(), ENDPOINTS, BenchTransformer.install(dir.resolve("transformer")));
        whileRunning(spec, () -> awaitHealthy(serverPort(spec)));
    }

    @Test
    void egressStartsHealthy() throws Exception {
        ChildSpec spec = Systems.egressSpec(bootstrap, graph.url(), ENDPOINTS);
        whileRunning(spec, () -> awaitHealthy(serverPort(spec)));
    }

    @Test
    void childProcessesReportReadyAndStopWithTheirHeapStats() throws Exception {
        Path runDir = dir.resolve("children");
        ChildProcess fake = ChildProcess.start(Systems.fakeSpec("fake-cognigy", FreePorts.next(), 0, 4, List.of()), runDir, false);
        ChildProcess generator = ChildProcess.start(LoadGenerator.kafka("generator", bootstrap, "bench.roles", Systems.BODIES), runDir, false);
        try {
            fake.awaitReady(Duration.ofSeconds(60));
            LoadGenerator.ready(generator);
        } finally {
            ProcessStats generatorStats = generator.stop();
            ProcessStats fakeStats = fake.stop();
            assertThat(List.of(generatorStats, fakeStats)).allSatisfy(stats -> assertThat(stats.heap()).isNotNull());
        }
        assertThat(fake.isAlive()).isFalse();
        assertThat(generator.isAlive()).isFalse();
    }

    private interface Check {
        void run() throws Exception;
    }

    /** Starts the role, runs {@code check} against it, stops it. */
    private static void whileRunning(ChildSpec spec, Check check) throws Exception {
        AutoCloseable role = start(spec);
        try {
            check.run();
        } finally {
            role.close();
        }
    }

    private static AutoCloseable start(ChildSpec spec) throws Exception {
        return SutMain.start(spec.args().toArray(String[]::new));
    }

    private static int serverPort(ChildSpec spec) {
        return spec.args().stream().filter(arg -> arg.startsWith("--server.port="))
                .map(arg -> Integer.parseInt(arg.substring("--server.port=".length()))).findFirst().orElseThrow();
    }

    /** Actuator's health (Kafka included) turns UP once the service's consumers and producers have met the broker. */
    private static void awaitHealthy(int port) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(health(port)).isEqualTo(200));
    }

    private static int health(int port) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static int postWebhook(int port) throws Exception {
        return post("http://localhost:" + port + "/webhooks/whatsapp/" + Systems.ENDPOINT, Systems.BODIES, 1);
    }

    private static int post(String url, WebhookBodies bodies, long sequence) throws Exception {
        byte[] body = bodies.body(sequence);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", bodies.signature(body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static List<Systems.Endpoint> endpoints() {
        Systems.Endpoint bench = Systems.benchEndpoint(1000);
        List<Systems.Endpoint> endpoints = new ArrayList<>();
        endpoints.add(new Systems.Endpoint(bench.id(), bench.phoneNumberId(), bench.messageDelay(), bench.budget(), true));
        endpoints.addAll(Systems.numbers(4, 1000));
        return List.copyOf(endpoints);
    }
}
