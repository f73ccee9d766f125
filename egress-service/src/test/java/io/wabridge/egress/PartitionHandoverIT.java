package io.wabridge.egress;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.wabridge.model.event.OutboundMessage;
import io.wabridge.support.kafka.TestKafkaBroker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Scaling out under traffic: a partition moves to a joining instance while its message's Graph
 * call is still running on the old owner. The old owner lets the call end (and reach the send
 * ledger) before giving the partition up, so the new owner does not send it a second time.
 */
class PartitionHandoverIT extends EgressITSupport {

    /**
     * A slow Graph call: still running when the second instance has joined and taken its share
     * (that takes a few seconds), and shorter than the grace the old owner gives it.
     */
    private static final int GRAPH_LATENCY_MS = 20_000;

    @Test
    @SuppressWarnings("try") // the instances only need to run for the block's duration
    void aSendInFlightWhenItsPartitionMovesIsNotSentAgain() throws Exception {
        String topic = "handover-" + UUID.randomUUID();
        String group = "handover-" + UUID.randomUUID();
        List<String> recipients = new ArrayList<>();
        Set<Integer> covered = new HashSet<>();
        while (covered.size() < PARTITIONS) {
            String candidate = newRecipient();
            if (covered.add(partitionOf("1004:" + candidate))) {
                recipients.add(candidate);
            }
        }
        stub(post(urlPathMatching(MESSAGES_PATH)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.to", WireMock.matching(String.join("|", recipients))))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withFixedDelay(GRAPH_LATENCY_MS)
                        .withBody("{\"messaging_product\":\"whatsapp\",\"messages\":[{\"id\":\"wamid.{{jsonPath request.body '$.biz_opaque_callback_data'}}\"}]}")));
        String[] args = {
                "--spring.kafka.bootstrap-servers=" + TestKafkaBroker.bootstrapServers(),
                "--wabridge.whatsapp.graph-url=" + GRAPH.baseUrl(),
                "--wabridge.topics.outbound=" + topic,
                "--wabridge.egress.consumer.group-id=" + group,
                "--wabridge.egress.consumer.shutdown-grace=40s",
                "--wabridge.egress.graph.request-timeout=60s",
                "--wabridge.topics.partitions=" + PARTITIONS,
                "--wabridge.endpoints.fast.phone-number-id=1004",
                "--wabridge.endpoints.fast.access-token=token-fast",
                "--wabridge.endpoints.fast.app-secret=fast-secret"};
        try (ConfigurableApplicationContext first = EgressApplication.builder().web(WebApplicationType.NONE).profiles("it").run(args)) {
            await().atMost(Duration.ofMinutes(2)).until(() -> owners(group) == 1);
            List<OutboundMessage> messages = recipients.stream().map(r -> text("fast", "1004", r, 0, "hello " + r)).toList();
            messages.forEach(message -> publish(topic, message));
            // Every message's Graph call has started on the only instance.
            await().atMost(Duration.ofSeconds(30)).until(() -> messages.stream().allMatch(m -> requestsFor(m).size() == 1));

            try (ConfigurableApplicationContext second = EgressApplication.builder().web(WebApplicationType.NONE).profiles("it").run(args)) {
                await().atMost(Duration.ofMinutes(1)).until(() -> owners(group) == 2);

                // Long enough for a second owner to have re-read and sent a message the ledger lacked.
                await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(60))
                        .until(() -> messages.stream().allMatch(m -> requestsFor(m).size() == 1));
            }
            assertThat(messages).allSatisfy(message -> assertThat(requestsFor(message)).hasSize(1));
        }
    }

    private static long owners(String group) throws Exception {
        try (Admin admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafkaBroker.bootstrapServers()))) {
            return admin.describeConsumerGroups(List.of(group)).all().get(30, TimeUnit.SECONDS).get(group).members().stream()
                    .filter(member -> !member.assignment().topicPartitions().isEmpty()).count();
        }
    }
}
