package io.wabridge.egress.dispatch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wabridge.egress.EgressITSupport;
import io.wabridge.egress.ledger.SendLedger;
import io.wabridge.model.event.OutboundMessage;
import io.wabridge.support.kafka.KafkaClientFactory;
import io.wabridge.support.kafka.TestKafkaBroker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An instance stops while one recipient's message is unfinished and later records of the same
 * partition are done. A new instance of the group must send the unfinished one (nothing skipped)
 * and none of the finished ones again (nothing re-sent).
 */
class CrashRecoveryIT extends EgressITSupport {

    @Autowired
    KafkaClientFactory clients;
    @Autowired
    OutboundIntake intake;
    @Autowired
    SendLedger ledger;

    @Test
    void resendsNothingFinishedAndSkipsNothingUnfinished() throws Exception {
        String topic = "crash-test-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafkaBroker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        ConsumptionSettings settings = new ConsumptionSettings("crash-test-" + UUID.randomUUID(), 100, 10,
                Duration.ofMillis(100), Duration.ofMillis(50), Duration.ZERO);
        String slow = newRecipient();
        String quick = newRecipient();
        // The slow recipient's first attempt hits the pair rate limit (3 s backoff in the tests).
        stub(post(urlPathMatching(MESSAGES_PATH)).atPriority(1).inScenario("crash-" + slow).whenScenarioStateIs(STARTED)
                .withRequestBody(matchingJsonPath("$.to", equalTo(slow)))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"pair\",\"code\":131056,\"fbtrace_id\":\"t\"}}"))
                .willSetStateTo("recovered"));
        OutboundMessage unfinished = text("fast", "1004", slow, 0, "slow one");
        List<OutboundMessage> finished = List.of(text("fast", "1004", quick, 0, "q0"), text("fast", "1004", quick, 1, "q1"));

        OutboundConsumer first = new OutboundConsumer(clients, settings, topic, intake, ledger, (owned, total) -> { });
        first.start();
        publish(topic, unfinished);
        finished.forEach(message -> publish(topic, message));
        await().atMost(Duration.ofSeconds(20)).until(() -> finished.stream().allMatch(message -> ledger.contains(message.outboundId())));
        assertThat(ledger.contains(unfinished.outboundId())).isFalse();
        first.stop(); // no grace: the slow message is abandoned mid-backoff

        OutboundConsumer second = new OutboundConsumer(clients, settings, topic, intake, ledger, (owned, total) -> { });
        second.start();
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> ledger.contains(unfinished.outboundId()));
            assertThat(requestsFor(unfinished)).as("131056, then the successful send").hasSize(2);
            finished.forEach(message -> assertThat(requestsFor(message)).as(message.outboundId()).hasSize(1));
            await().atMost(Duration.ofSeconds(5)).until(() -> second.inFlight() == 0);
            finished.forEach(message -> assertThat(requestsFor(message)).as(message.outboundId()).hasSize(1));
        } finally {
            second.stop();
        }
    }
}
