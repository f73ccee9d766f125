package io.wabridge.crash;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;

/**
 * wabridge's three services, each instance its own JVM started from the service's exec jar (as
 * production runs them), configured for one endpoint whose Cognigy is the {@link FakeBot} and
 * whose Graph API is the {@link FakeGraph}. Processor and egress instances share their consumer
 * group; each processor has its own transactional id, kept across its restarts.
 */
final class Services implements AutoCloseable {

    static final String ENDPOINT = "crash";
    static final String PHONE_NUMBER_ID = "100000000000001";
    static final String APP_SECRET = "crash-app-secret";
    static final String PROCESSOR_GROUP = "wabridge-processor";
    static final String EGRESS_GROUP = "wabridge-egress";
    static final String HEAP = "256m";
    /** A loaded two-core machine starting several Spring Boot JVMs at once: be patient. */
    static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    /** Longer than the request timeout given to egress: a hanging Graph call is a timeout there. */
    static final long GRAPH_HANG_MILLIS = 6_000;

    private final Path logDir;
    private final KafkaCluster kafka;
    private final FakeGraph graph;
    private final FakeBot bot;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Instance> instances = new ArrayList<>();
    private final Instance ingress;
    private final List<Instance> processors = new ArrayList<>();
    private final List<Instance> egresses = new ArrayList<>();

    /** A service instance and its HTTP port (the same across restarts). */
    record Instance(ChildJvm jvm, int port) {
    }

    private Services(Path logDir, KafkaCluster kafka, FakeGraph graph, FakeBot bot, int processorCount, int egressCount) {
        this.logDir = logDir;
        this.kafka = kafka;
        this.graph = graph;
        this.bot = bot;
        ingress = instance("ingress", jar("ingress"), List.of());
        for (int i = 1; i <= processorCount; i++) {
            processors.add(instance("processor-" + i, jar("processor"), List.of(
                    "--wabridge.processor.pipeline.transactional-id=crash-processor-" + i,
                    "--wabridge.processor.pipeline.workers=32")));
        }
        for (int i = 1; i <= egressCount; i++) {
            egresses.add(instance("egress-" + i, jar("egress"), List.of(
                    // Every number's budget far above the load, so pacing never hides a loss.
                    "--wabridge.egress.throughput.budget=1000",
                    // Short enough for a quick drain, long enough that a slow answer on a loaded machine is rarely a
                    // timeout (each timed-out 200 is sent again: a double, see the egress README).
                    "--wabridge.egress.graph.request-timeout=5s",
                    "--wabridge.egress.retry.initial-backoff=100ms",
                    "--wabridge.egress.retry.max-backoff=2s",
                    "--wabridge.egress.retry.pair-rate-backoff=500ms",
                    "--wabridge.egress.retry.pair-rate-max-backoff=2s",
                    "--wabridge.egress.throughput.throttled-backoff=200ms",
                    "--wabridge.egress.throughput.throttled-max-backoff=2s")));
        }
    }

    /** Starts all instances at once and waits until each is ready and every group member owns partitions. */
    static Services start(Path logDir, KafkaCluster kafka, FakeGraph graph, FakeBot bot, int processors, int egresses) {
        Services services = new Services(logDir, kafka, graph, bot, processors, egresses);
        services.instances.forEach(instance -> instance.jvm().start());
        services.instances.forEach(services::awaitReady);
        services.awaitGroups();
        return services;
    }

    String webhookUrl() {
        return "http://localhost:" + ingress.port() + "/webhooks/whatsapp/" + ENDPOINT;
    }

    Instance ingress() {
        return ingress;
    }

    List<Instance> processors() {
        return processors;
    }

    List<Instance> egresses() {
        return egresses;
    }

    /**
     * SIGKILLs instances; returns the consumer groups' members as they were just before, for
     * {@link #restart(Set, Instance...)} (which must be given every instance killed since).
     */
    Set<String> kill(Instance... instances) throws Exception {
        Set<String> before = members();
        for (Instance instance : instances) {
            instance.jvm().kill();
        }
        return before;
    }

    /**
     * Restarts killed instances (all at once) and waits until they are ready and their groups whole
     * again: every instance owning partitions, and the killed ones' members gone (a SIGKILLed member
     * stays in its group, still listed with its partitions, until its session times out), so the
     * next kill hits a whole group.
     */
    void restart(Set<String> membersBeforeKill, Instance... killed) {
        for (Instance instance : killed) {
            instance.jvm().start();
        }
        for (Instance instance : killed) {
            awaitReady(instance);
        }
        await("the killed instances' group members replaced").atMost(START_TIMEOUT).pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions().until(() -> {
                    Set<String> now = members();
                    Set<String> survivors = new HashSet<>(membersBeforeKill);
                    survivors.retainAll(now);
                    // "at most": a surviving processor may have replaced its own consumer (and member id) meanwhile.
                    return now.size() == processors.size() + egresses.size()
                            && survivors.size() <= membersBeforeKill.size() - killed.length;
                });
        awaitGroups();
    }

    Path dir() {
        return logDir;
    }

    /** Fails when an instance died that the scenario did not kill. */
    void checkAlive() {
        instances.forEach(instance -> instance.jvm().checkAlive());
    }

    void awaitReady(Instance instance) {
        await(instance.jvm().name() + " ready").atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> {
                    instance.jvm().checkAlive();
                    HttpRequest probe = HttpRequest.newBuilder(URI.create("http://localhost:" + instance.port()
                            + "/actuator/health/readiness")).timeout(Duration.ofSeconds(5)).build();
                    return http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                });
    }

    /** Every processor and egress instance owns partitions of its topic (the group has rebalanced). */
    void awaitGroups() {
        await("every processor and egress instance owns partitions").atMost(START_TIMEOUT).pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions()
                .until(() -> membersOwningPartitions(PROCESSOR_GROUP) == processors.size()
                        && membersOwningPartitions(EGRESS_GROUP) == egresses.size());
    }

    /** The member ids of both consumer groups. */
    private Set<String> members() throws Exception {
        Set<String> ids = new HashSet<>();
        kafka.admin().describeConsumerGroups(List.of(PROCESSOR_GROUP, EGRESS_GROUP)).all().get(10, TimeUnit.SECONDS).values()
                .forEach(group -> group.members().forEach(member -> ids.add(member.consumerId())));
        return ids;
    }

    private long membersOwningPartitions(String group) throws Exception {
        ConsumerGroupDescription description = kafka.admin().describeConsumerGroups(List.of(group)).all()
                .get(10, TimeUnit.SECONDS).get(group);
        return description.members().stream().filter(member -> !member.assignment().topicPartitions().isEmpty()).count();
    }

    private Instance instance(String name, Path jar, List<String> own) {
        int port = Ports.free();
        String endpoint = "--wabridge.endpoints." + ENDPOINT + ".";
        List<String> args = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--wabridge.topics.replication-factor=" + kafka.size(),
                endpoint + "phone-number-id=" + PHONE_NUMBER_ID,
                endpoint + "verify-token=crash-verify-token",
                endpoint + "app-secret=" + APP_SECRET,
                endpoint + "access-token=crash-access-token",
                endpoint + "cognigy.url=" + bot.url(),
                "--wabridge.whatsapp.graph-url=" + graph.url()));
        args.addAll(own);
        Instance instance = new Instance(ChildJvm.jar(name, logDir, HEAP, jar, args), port);
        instances.add(instance);
        return instance;
    }

    private static Path jar(String service) {
        String path = System.getProperty("crash.jar." + service);
        if (path == null) {
            throw new IllegalStateException("system property crash.jar." + service + " not set (the module's failsafe set-up sets it)");
        }
        Path jar = Path.of(path);
        if (!jar.toFile().isFile()) {
            throw new IllegalStateException(jar + " missing: build with -am so the service's exec jar is packaged");
        }
        return jar;
    }

    @Override
    public void close() {
        instances.forEach(instance -> instance.jvm().kill());
    }
}
