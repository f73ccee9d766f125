package io.wabridge.crash;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.awaitility.core.ConditionTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One scenario: the users write while the scenario's chaos runs (kills, restarts, outages), then
 * stop writing, every pending webhook is retried until acknowledged, and the pipeline drains
 * (bounded) until every acknowledged message's replies are at the fake Graph API or dead-lettered.
 * Then a quiet spell (late extra sends would show up in it) and the {@link Tally}.
 */
final class ScenarioRun {

    /** What the scenario does to the pipeline while users write; returns how many processes it killed. */
    @FunctionalInterface
    interface Chaos {
        int run() throws Exception;
    }

    private static final Logger log = LoggerFactory.getLogger(ScenarioRun.class);
    private static final Duration THINK_TIME = Duration.ofSeconds(5);
    private static final Duration ACK_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration QUIET = Duration.ofSeconds(5);

    private final String scenario;
    private final Services services;
    private final KafkaCluster kafka;
    private final FakeGraph graph;
    private final FakeBot bot;
    private final Users users;

    ScenarioRun(String scenario, Services services, KafkaCluster kafka, FakeGraph graph, FakeBot bot, List<String> waIds) {
        this.scenario = scenario;
        this.services = services;
        this.kafka = kafka;
        this.graph = graph;
        this.bot = bot;
        this.users = new Users(services.webhookUrl(), Services.PHONE_NUMBER_ID, Services.APP_SECRET, waIds, THINK_TIME);
    }

    Users users() {
        return users;
    }

    /** Runs the scenario and returns its summary (already reported); the caller asserts. */
    Summary run(Chaos chaos, String notes) throws Exception {
        try (users) {
            long start = System.nanoTime();
            users.start();
            int kills = chaos.run();
            users.stopWriting();
            await(scenario + ": every pending webhook acknowledged").atMost(ACK_TIMEOUT).pollInterval(Duration.ofMillis(500))
                    .until(() -> users.busy() == 0);
            Duration load = Duration.ofNanos(System.nanoTime() - start);
            log.info("{}: {} messages acknowledged in {} s; draining", scenario, users.acknowledgedCount(), load.toSeconds());
            long drainStart = System.nanoTime();
            try {
                await(scenario + ": every reply at the Graph API or dead-lettered").atMost(DRAIN_TIMEOUT)
                        .pollInterval(Duration.ofSeconds(2)).until(() -> tally().lost() == 0);
            } catch (ConditionTimeoutException e) {
                log.error("{}: drain incomplete after {}", scenario, DRAIN_TIMEOUT);
            }
            Duration drain = Duration.ofNanos(System.nanoTime() - drainStart);
            try {
                await(scenario + ": no late sends").during(QUIET).atMost(QUIET.multipliedBy(6)).pollInterval(Duration.ofMillis(500))
                        .until(new LastCount(graph)::unchanged);
            } catch (ConditionTimeoutException e) {
                log.warn("{}: the Graph API still receives sends", scenario);
            }
            Summary summary = new Summary(scenario, users.waIds().size(), kills, load, drain, tally(), notes);
            record(summary);
            summary.report();
            return summary;
        }
    }

    /** What the fakes saw, one line each, next to the logs: for reading a failure after the fact. */
    private void record(Summary summary) throws IOException {
        Path dir = services.dir();
        Set<String> mine = Set.copyOf(users.waIds());
        StringBuilder sends = new StringBuilder("order\trecipient\toutboundId\ttext\n");
        graph.sends().stream().filter(send -> mine.contains(send.recipient())).forEach(send -> sends.append(send.order()).append('\t')
                .append(send.recipient()).append('\t').append(send.outboundId()).append('\t').append(send.text()).append('\n'));
        Files.writeString(dir.resolve(scenario + "-graph-sends.tsv"), sends);
        StringBuilder calls = new StringBuilder("userId\ttext\n");
        bot.calls().forEach(call -> calls.append(call.userId()).append('\t').append(call.text()).append('\n'));
        Files.writeString(dir.resolve(scenario + "-bot-calls.tsv"), calls);
        Files.writeString(dir.resolve(scenario + "-summary.txt"), summary.row() + "\n"
                + String.join("\n", summary.tally().examples()) + "\n");
    }

    Tally tally() {
        return Tally.of(users.acknowledged(), graph.sends(), OutboundDeadLetters.read(kafka.bootstrapServers()), bot.calls());
    }

    /** Holds the load for {@code duration}, checking once a second that no service died unasked. */
    void hold(Duration duration) {
        await(scenario + ": load running").during(duration).atMost(duration.plusSeconds(10)).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    services.checkAlive();
                    return true;
                });
    }

    /** Compares the fake's send count with the one of the previous poll. */
    private static final class LastCount {
        private final FakeGraph graph;
        private int last = -1;

        LastCount(FakeGraph graph) {
            this.graph = graph;
        }

        boolean unchanged() {
            int now = graph.sendCount();
            boolean same = now == last;
            last = now;
            return same;
        }
    }
}
