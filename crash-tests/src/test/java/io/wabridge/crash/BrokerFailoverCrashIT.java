package io.wabridge.crash;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Three brokers (replication factor 3, {@code min.insync.replicas=2}), one ingress, processor and
 * egress, 200 users: the broker leading the inbound, then the outbound partition is SIGKILLed and
 * restarted, three times, each time after the cluster is whole again.
 */
class BrokerFailoverCrashIT {

    private static final Logger log = LoggerFactory.getLogger(BrokerFailoverCrashIT.class);
    private static final List<String> TOPICS = List.of("whatsapp.inbound", "whatsapp.outbound");

    private static CrashSystem system;

    @BeforeAll
    static void start() throws Exception {
        system = CrashSystem.start("three-brokers", 3, 1, 1);
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void killingThePartitionLeadingBrokerLosesAndReordersNothing() throws Exception {
        List<String> users = Users.waIds(4915_9_000_0000L, 200);
        ScenarioRun run = system.scenario("kill-partition-leader", users);
        Summary summary = run.run(() -> {
            int kills = 0;
            for (int round = 0; round < 3; round++) {
                run.hold(Duration.ofSeconds(5));
                String topic = TOPICS.get(round % 2);
                int leader = system.kafka().leaderOf(topic, 0);
                log.info("round {}: killing broker {}, leader of {}-0", round + 1, leader, topic);
                system.kafka().kill(leader);
                kills++;
                run.hold(Duration.ofSeconds(8));
                system.kafka().restart(leader);
                system.kafka().awaitFullIsr(TOPICS, Duration.ofMinutes(2));
            }
            run.hold(Duration.ofSeconds(5));
            return kills;
        }, "3 leader SIGKILLs (inbound, outbound, inbound), each restarted");
        SingleBrokerCrashIT.assertNothingLostOrReordered(summary);
    }
}
