package io.wabridge.crash;

import java.nio.file.Path;
import java.util.List;

/**
 * What one crash test class runs against: the fakes in the test JVM, the brokers and the service
 * instances as child JVMs. Closing it stops everything it started, in reverse order, even after a
 * failed start, so no process outlives the test.
 */
record CrashSystem(FakeGraph graph, FakeBot bot, KafkaCluster kafka, Services services) implements AutoCloseable {

    /** {@code name} names the data folder under {@code crash.dir} (default {@code target/crash}). */
    static CrashSystem start(String name, int brokers, int processors, int egresses) throws Exception {
        Path dir = Path.of(System.getProperty("crash.dir", "target/crash")).resolve(name + "-" + System.currentTimeMillis());
        FakeGraph graph = null;
        FakeBot bot = null;
        KafkaCluster kafka = null;
        try {
            graph = FakeGraph.start(Services.GRAPH_HANG_MILLIS);
            bot = FakeBot.start();
            kafka = KafkaCluster.start(dir, brokers);
            return new CrashSystem(graph, bot, kafka, Services.start(dir, kafka, graph, bot, processors, egresses));
        } catch (Exception | Error e) {
            new CrashSystem(graph, bot, kafka, null).close();
            throw e;
        }
    }

    /** A scenario of {@code waIds}' users against this system. */
    ScenarioRun scenario(String name, List<String> waIds) {
        return new ScenarioRun(name, services, kafka, graph, bot, waIds);
    }

    @Override
    public void close() {
        try {
            if (services != null) {
                services.close();
            }
        } finally {
            try {
                if (kafka != null) {
                    kafka.close();
                }
            } finally {
                if (graph != null) {
                    graph.close();
                }
                if (bot != null) {
                    bot.close();
                }
            }
        }
    }
}
