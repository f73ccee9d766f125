package io.wabridge.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wabridge.processor.pipeline.InboundProcessor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A second instance joins the group and leaves again: the partitions that move take their
 * conversations' sessions and dedupe memory with them, read back from the changelog.
 */
class RebalanceIT extends ProcessorITSupport {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int PARTITIONS = 12;

    @Autowired
    InboundProcessor first;

    @Test
    void conversationsKeepTheirSessionAndDedupeAcrossRebalances() {
        List<String> users = onePerPartition();
        users.forEach(user -> send(text(user, "m1", TestEvents.T0)));
        await().atMost(WAIT).until(() -> users.stream().allMatch(user -> cognigyCalls(user).size() == 1));

        Map<String, String> properties = properties();
        properties.put("wabridge.processor.pipeline.transactional-id", "processor-it-second");
        try (ConfigurableApplicationContext second = ProcessorApplication.builder().sources(TestDesk.class)
                .web(WebApplicationType.NONE).properties(asArgs(properties)).run()) {
            InboundProcessor secondProcessor = second.getBean(InboundProcessor.class);
            await().atMost(WAIT).until(() -> !secondProcessor.assignedPartitions().isEmpty()
                    && first.assignedPartitions().size() + secondProcessor.assignedPartitions().size() == PARTITIONS);

            users.forEach(user -> {
                send(text(user, "m1", TestEvents.T0));
                send(text(user, "m2", TestEvents.T0.plus(Duration.ofMinutes(10))));
            });
            await().atMost(WAIT).until(() -> users.stream().allMatch(user -> cognigyCalls(user).size() >= 2));
        }
        await().atMost(WAIT).until(() -> first.assignedPartitions().size() == PARTITIONS);

        users.forEach(user -> send(text(user, "m3", TestEvents.T0.plus(Duration.ofMinutes(20)))));
        await().atMost(WAIT).until(() -> users.stream().allMatch(user -> cognigyCalls(user).size() >= 3));
        for (String user : users) {
            assertThat(cognigyCalls(user)).as(user).extracting(call -> body(call).path("text").asText())
                    .containsExactly("m1", "m2", "m3");
            assertThat(cognigyCalls(user)).extracting(call -> body(call).path("sessionId").asText()).as(user)
                    .containsOnly(body(cognigyCalls(user).get(0)).path("sessionId").asText());
        }
    }

    private static io.wabridge.model.event.InboundEvent text(String user, String body, java.time.Instant at) {
        return TestEvents.text(TestEvents.PHONE_NUMBER_ID, user, "wamid." + body + "-" + user, body, at);
    }

    /** A user on each partition, so whichever partitions move, some conversations move with them. */
    private static List<String> onePerPartition() {
        Set<Integer> covered = new HashSet<>();
        List<String> users = new ArrayList<>();
        while (covered.size() < PARTITIONS) {
            String user = newUser();
            String key = TestEvents.PHONE_NUMBER_ID + ":" + user;
            if (covered.add(Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % PARTITIONS)) {
                users.add(user);
            }
        }
        return users;
    }

    private static String[] asArgs(Map<String, String> properties) {
        return properties.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }
}
