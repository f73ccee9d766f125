package io.wabridge.egress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wabridge.egress.throttle.NumberThrottles;
import io.wabridge.model.event.OutboundMessage;
import io.wabridge.support.kafka.TestKafkaBroker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances of one group, no {@code instance-share} set: each takes the share of the budget
 * that its partitions are of the topic, so together they stay within the number's budget (each
 * alone would use all of it).
 */
class ScaledOutBudgetIT extends EgressITSupport {

    private static final String NUMBER = "1077";
    private static final String WARM_UP_NUMBER = "1078";
    private static final int BUDGET = 10;
    private static final int PER_PARTITION = 8;

    @Test
    void twoInstancesTogetherNeverExceedTheNumbersBudget() {
        String topic = "scaled-budget-" + UUID.randomUUID();
        String group = "scaled-budget-" + UUID.randomUUID();
        String[] args = {
                "--spring.kafka.bootstrap-servers=" + TestKafkaBroker.bootstrapServers(),
                "--wabridge.whatsapp.graph-url=" + GRAPH.baseUrl(),
                "--wabridge.topics.outbound=" + topic,
                "--wabridge.topics.partitions=" + PARTITIONS,
                "--wabridge.egress.consumer.group-id=" + group,
                "--wabridge.egress.throughput.budget=" + BUDGET,
                "--wabridge.endpoints.scaled.phone-number-id=" + NUMBER,
                "--wabridge.endpoints.scaled.access-token=token-scaled",
                "--wabridge.endpoints.warmup.phone-number-id=" + WARM_UP_NUMBER,
                "--wabridge.endpoints.warmup.access-token=token-warmup"};
        try (ConfigurableApplicationContext first = EgressApplication.builder().web(WebApplicationType.NONE).profiles("it").run(args);
             ConfigurableApplicationContext second = EgressApplication.builder().web(WebApplicationType.NONE).profiles("it").run(args)) {
            NumberThrottles firstThrottles = first.getBean(NumberThrottles.class);
            NumberThrottles secondThrottles = second.getBean(NumberThrottles.class);
            await().atMost(Duration.ofMinutes(1)).until(() -> firstThrottles.share() > 0 && firstThrottles.share() < 1
                    && secondThrottles.share() > 0 && firstThrottles.share() + secondThrottles.share() == 1.0);

            // Both instances' first Graph calls (connection set-up, cold code) on another number, so a
            // slow first request cannot bunch the measured ones together on arrival.
            List<OutboundMessage> warmUp = new ArrayList<>();
            for (int partition = 0; partition < PARTITIONS; partition++) {
                warmUp.add(text("warmup", WARM_UP_NUMBER, recipientOnPartition(WARM_UP_NUMBER, partition), 0, "warm-up"));
            }
            warmUp.forEach(message -> publish(topic, message));
            await().atMost(Duration.ofMinutes(1)).until(() -> warmUp.stream().allMatch(message -> requestsFor(message).size() == 1));

            List<OutboundMessage> messages = new ArrayList<>();
            for (int partition = 0; partition < PARTITIONS; partition++) {
                for (int i = 0; i < PER_PARTITION; i++) {
                    messages.add(text("scaled", NUMBER, recipientOnPartition(NUMBER, partition), 0, "scaled " + partition + "/" + i));
                }
            }
            messages.forEach(message -> publish(topic, message));
            await().atMost(Duration.ofMinutes(1)).until(() -> requestsToNumber(NUMBER).size() >= messages.size());

            List<Long> times = requestsToNumber(NUMBER).stream().map(request -> request.getLoggedDate().getTime()).toList();
            assertThat(times).hasSize(messages.size());
            for (int i = 0; i < times.size(); i++) {
                long windowStart = times.get(i);
                long inWindow = times.stream().filter(t -> t >= windowStart && t < windowStart + 1000).count();
                assertThat(inWindow).as("requests in the second from request %d; arrival times (ms from the first): %s", i,
                        times.stream().map(t -> t - times.get(0)).toList()).isLessThanOrEqualTo(BUDGET);
            }
        }
    }

    private static String recipientOnPartition(String number, int partition) {
        while (true) {
            String candidate = newRecipient();
            if (partitionOf(number + ":" + candidate) == partition) {
                return candidate;
            }
        }
    }
}
