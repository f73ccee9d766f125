package io.wabridge.bench.scenario;

import io.wabridge.bench.load.KafkaTarget;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Every scenario the harness knows, in the order a full run takes them. */
public final class Scenarios {

    private static final List<Scenario> ALL = List.of(
            new HttpCeilingScenario(),
            new ProducerCeilingScenario(),
            new IngressScenario(),
            new ProcessorScenario(),
            new ProcessorTransformersScenario(),
            new EgressScenario(),
            new EndToEndScenario(),
            EndToEndScenario.numbers(),
            EndToEndScenario.delivered(),
            new IdleScenario());

    private Scenarios() {
    }

    public static List<Scenario> all() {
        return ALL;
    }

    /** How the scenarios set up their processes, for the report. */
    public static Map<String, Object> setup() {
        Map<String, Object> setup = new LinkedHashMap<>();
        setup.put("load generator", "own JVM, " + Systems.CONNECTIONS + " keep-alive HTTP/1.1 connections (HTTP), one producer (Kafka)");
        setup.put("service heap limit", "-Xmx" + Systems.SERVICE_HEAP);
        setup.put("broker", "local-runner's single-node KRaft broker, own JVM, -Xmx" + Systems.BROKER_HEAP + ", 12 partitions per topic");
        setup.put("producer settings", new TreeMap<>(KafkaTarget.INGRESS_PRODUCER_SETTINGS));
        setup.put("webhook", "one text message per delivery, signed (HMAC-SHA256), " + Systems.BODIES.users() + " senders");
        setup.put("fakes", "fake Graph API (" + EgressScenario.GRAPH_LATENCY_MS + " ms) and fake Cognigy (" + ProcessorScenario.COGNIGY_LATENCY_MS
                + " ms in processor, 0 ms end to end): JDK HttpServer, own JVM, time-stamp every request");
        return setup;
    }

    public static Optional<Scenario> named(String name) {
        return ALL.stream().filter(scenario -> scenario.name().equals(name)).findFirst();
    }
}
