package io.wabridge.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Crash scenarios on one broker, one ingress, two processor and two egress instances (each pair in
 * one consumer group), all separate JVMs; 200 users per scenario, each its own users, so the
 * scenarios share the processes but not their figures. Run one with
 * {@code -Dit.test=SingleBrokerCrashIT#<method>}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SingleBrokerCrashIT {

    private static final Logger log = LoggerFactory.getLogger(SingleBrokerCrashIT.class);
    private static final int USERS = 200;

    private static CrashSystem system;

    @BeforeAll
    static void start() throws Exception {
        system = CrashSystem.start("single-broker", 1, 2, 2);
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    @Order(1)
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void aGraphApiFailingOneSendInFiveLosesAndReordersNothing() throws Exception {
        ScenarioRun run = scenario("graph-20%-failing", 1);
        system.graph().failureRate(0.2);
        Summary summary;
        try {
            summary = run.run(() -> {
                run.hold(Duration.ofSeconds(40));
                return 0;
            }, "see faults");
        } finally {
            system.graph().failureRate(0);
        }
        log.info("faults injected: {}", Summary.faults(system.graph().faults()));
        System.out.println("CRASH SUMMARY graph-20%-failing faults: " + Summary.faults(system.graph().faults()));
        assertNothingLostOrReordered(summary);
    }

    @Test
    @Order(2)
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void killingProcessorsAndEgressInstancesLosesAndReordersNothing() throws Exception {
        ScenarioRun run = scenario("kill-processor-and-egress", 2);
        Summary summary = run.run(() -> {
            int kills = 0;
            for (int round = 0; round < 3; round++) {
                run.hold(Duration.ofSeconds(5));
                Services.Instance processor = system.services().processors().get(round % 2);
                Services.Instance egress = system.services().egresses().get((round + 1) % 2);
                Set<String> members = system.services().kill(processor);
                kills++;
                run.hold(Duration.ofSeconds(3));
                system.services().kill(egress);
                kills++;
                run.hold(Duration.ofSeconds(5));
                system.services().restart(members, processor, egress);
            }
            run.hold(Duration.ofSeconds(5));
            return kills;
        }, "3 processor + 3 egress SIGKILLs, each restarted");
        assertNothingLostOrReordered(summary);
    }

    @Test
    @Order(3)
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void theOnlyBrokerDownFor20SecondsMeans503sThenEverythingGetsThrough() throws Exception {
        ScenarioRun run = scenario("only-broker-down-20s", 3);
        AtomicLong down = new AtomicLong();
        AtomicLong up = new AtomicLong();
        Summary summary = run.run(() -> {
            run.hold(Duration.ofSeconds(10));
            system.kafka().kill(1);
            down.set(System.nanoTime());
            run.hold(Duration.ofSeconds(20));
            up.set(System.nanoTime());
            system.kafka().restart(1);
            system.kafka().awaitUp(Duration.ofMinutes(2));
            run.hold(Duration.ofSeconds(10));
            return 1;
        }, "broker SIGKILLed, restarted after 20 s");
        List<Users.Attempt> duringOutage = run.users().attempts().stream()
                .filter(attempt -> attempt.startNanos() > down.get() && attempt.endNanos() < up.get()).toList();
        Map<Integer, Long> statuses = duringOutage.stream()
                .collect(Collectors.groupingBy(Users.Attempt::status, TreeMap::new, Collectors.counting()));
        System.out.println("CRASH SUMMARY only-broker-down-20s: webhook answers while the broker was down, by status: " + statuses);
        assertThat(duringOutage).as("webhooks delivered while the broker was down").isNotEmpty();
        assertThat(statuses).as("answers while the broker was down: 503, never 200").containsOnlyKeys(503);
        assertThat(run.users().acknowledgedCount()).as("messages acknowledged").isGreaterThan(USERS);
        assertNothingLostOrReordered(summary);
    }

    private static ScenarioRun scenario(String name, int number) {
        // Each scenario its own 200 users: 4915<n>0000000 and up.
        List<String> users = Users.waIds(4915_0_000_0000L + number * 10_000_000L, USERS);
        return system.scenario(name, users);
    }

    static void assertNothingLostOrReordered(Summary summary) {
        Tally tally = summary.tally();
        assertThat(tally.acknowledged()).as("messages acknowledged").isPositive();
        assertThat(tally.lost()).as("replies lost; examples: %s", tally.examples()).isZero();
        assertThat(tally.reordered()).as("replies out of order; examples: %s", tally.examples()).isZero();
    }
}
