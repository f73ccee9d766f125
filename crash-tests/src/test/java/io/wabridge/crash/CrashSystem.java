package io.wabridge.crash;

import java.nio.file.Path;
import java.util.List;

/**
 * What one crash test class runs against: the fakes in the test JVM, the brokers and the service
 * instances as child JVMs. Closing it stops everything it started, in reverse order, even after a
 * failed start, so no process outlives the test.
 */
record CrashSystem(FakeGraph graph, FakeBot bot, KafkaCluster kafka, Services services, StatusWebhooks statuses)
        implements AutoCloseable {

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
            Services services = Services.start(dir, kafka, graph, bot, processors, egresses);
            StatusWebhooks statuses = new StatusWebhooks(services.webhookUrl(), Services.APP_SECRET, Services.PHONE_NUMBER_ID);
            graph.sendStatusesWith(statuses);
            return new CrashSystem(graph, bot, kafka, services, statuses);
        } catch (Exception | Error e) {
            new CrashSystem(graph, bot, kafka, null, null).close();
            throw e;
        }
    }

    /** A scenario of {@code waIds}' users against this system. */
    ScenarioRun scenario(String name, List<String> waIds) {
        return new ScenarioRun(name, services, kafka, graph, bot, waIds);
    }

    @Override
    public void close() {
        if (statuses != null) {
            statuses.close();
        }
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
