package io.wabridge.egress;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.wabridge.egress.deadletter.DeadLetterHeaders;
import io.wabridge.model.EventHeaders;
import io.wabridge.model.Topics;
import io.wabridge.model.event.DeliveryStatus;
import io.wabridge.model.event.OutboundMessage;
import io.wabridge.model.event.StatusEvent;
import io.wabridge.model.event.StatusSource;
import io.wabridge.support.kafka.TestKafkaBroker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What egress does with each kind of Graph failure. */
class GraphErrorsIT extends EgressITSupport {

    @ParameterizedTest
    @ValueSource(strings = {"http-429", "http-500", "timeout", "garbage"})
    void retriesTransientFailuresUntilTheSendSucceeds(String failure) {
        String user = newRecipient();
        failFirst(user, failure, switch (failure) {
            case "http-429" -> aResponse().withStatus(429);
            case "http-500" -> graphError(500, 131000, "Something went wrong");
            case "timeout" -> aResponse().withStatus(200).withFixedDelay(3000);
            default -> aResponse().withStatus(502).withBody("<html>Bad gateway</html>");
        });
        OutboundMessage message = text("fast", "1004", user, 0, "hello");

        publish(Topics.OUTBOUND, message);

        await().atMost(Duration.ofSeconds(20)).until(() -> accepted(message).isPresent());
        assertThat(requestsFor(message)).hasSizeGreaterThanOrEqualTo(2);
        assertThat(accepted(message).get().messageId()).isEqualTo("wamid." + message.outboundId());
        assertThat(deadLetters(message)).isEmpty();
    }

    @Test
    void givesUpOnAPersistentTransientErrorAfterTheBoundedAttempts() {
        String user = newRecipient();
        stub(post(urlPathMatching(MESSAGES_PATH)).atPriority(1).withRequestBody(matchingJsonPath("$.to", equalTo(user)))
                .willReturn(aResponse().withStatus(503).withBody("upstream unavailable")));
        OutboundMessage message = text("fast", "1004", user, 0, "never arrives");

        publish(Topics.OUTBOUND, message);

        await().atMost(Duration.ofSeconds(20)).until(() -> !deadLetters(message).isEmpty());
        assertThat(header(deadLetters(message).get(0), EventHeaders.FAILURE_REASON)).startsWith("gave up after 4 attempts");
        assertThat(header(deadLetters(message).get(0), DeadLetterHeaders.GRAPH_HTTP_STATUS)).isEqualTo("503");
        assertThat(requestsFor(message)).as("wabridge.egress.retry.max-attempts").hasSize(4);
        await().atMost(Duration.ofSeconds(10)).until(() -> failed(message).isPresent());
    }

    @ParameterizedTest
    @ValueSource(ints = {131047, 131026, 131062})
    void deadLettersPermanentErrorsWithTheGraphError(int code) {
        String user = newRecipient();
        stub(post(urlPathMatching(MESSAGES_PATH)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.to", equalTo(user)))
                .willReturn(graphError(400, code, "Message failed")));
        OutboundMessage message = text("fast", "1004", user, 0, "too late");

        publish(Topics.OUTBOUND, message);

        await().atMost(Duration.ofSeconds(20)).until(() -> !deadLetters(message).isEmpty());
        ConsumerRecord<String, byte[]> dead = deadLetters(message).get(0);
        assertThat(dead.key()).isEqualTo(message.conversationKey());
        assertThat(header(dead, DeadLetterHeaders.GRAPH_ERROR_CODE)).isEqualTo(Integer.toString(code));
        assertThat(header(dead, DeadLetterHeaders.GRAPH_ERROR_DETAILS)).isEqualTo("details of " + code);
        assertThat(header(dead, DeadLetterHeaders.GRAPH_FBTRACE_ID)).isEqualTo("trace-" + code);
        assertThat(header(dead, EventHeaders.FAILURE_REASON)).contains(Integer.toString(code));
        assertThat(codec().read(dead, OutboundMessage.class)).isEqualTo(message);
        await().atMost(Duration.ofSeconds(10)).until(() -> failed(message).isPresent());
        assertThat(failed(message).get().errors()).singleElement()
                .satisfies(error -> assertThat(error.code()).isEqualTo(code))
                .satisfies(error -> assertThat(error.fbtraceId()).isEqualTo("trace-" + code));
        assertThat(requestsFor(message)).as("a permanent error is not retried").hasSize(1);
    }

    @Test
    void pairRateLimitHoldsBackOnlyThatRecipient() throws Exception {
        String userA = newRecipient();
        String userB = recipientOnSamePartition("1004", userA);
        stub(post(urlPathMatching(MESSAGES_PATH)).atPriority(1).inScenario("pair-" + userA).whenScenarioStateIs(STARTED)
                .withRequestBody(matchingJsonPath("$.to", equalTo(userA)))
                .willReturn(graphError(400, 131056, "Pair rate limit hit")).willSetStateTo("recovered"));
        OutboundMessage toA = text("fast", "1004", userA, 0, "for A");
        OutboundMessage toB = text("fast", "1004", userB, 0, "for B");

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafkaBroker.bootstrapServers()))) {
            RecordMetadata offsetOfA = publish(Topics.OUTBOUND, toA);
            publish(Topics.OUTBOUND, toB);

            await().atMost(Duration.ofSeconds(20)).until(() -> accepted(toB).isPresent());
            LoggedRequest firstToA = requestsFor(toA).get(0);
            LoggedRequest toBSent = requestsFor(toB).get(0);
            assertThat(toBSent.getLoggedDate().getTime() - firstToA.getLoggedDate().getTime())
                    .as("B does not wait for A's 3 s pair-rate backoff").isLessThan(3000);
            // B finished after A on the same partition: over several commit intervals the commit must not pass A…
            await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(2))
                    .until(() -> committed(admin, offsetOfA) <= offsetOfA.offset());
            // …while A was still unfinished (its retry not yet made).
            assertThat(requestsFor(toA)).hasSize(1);

            await().atMost(Duration.ofSeconds(20)).until(() -> accepted(toA).isPresent());
            List<LoggedRequest> toARequests = requestsFor(toA);
            assertThat(toARequests).hasSize(2);
            assertThat(toARequests.get(1).getLoggedDate().getTime() - firstToA.getLoggedDate().getTime()).isGreaterThanOrEqualTo(3000);
            await().atMost(Duration.ofSeconds(10)).until(() -> committed(admin, offsetOfA) > offsetOfA.offset());
        }
    }

    @Test
    void throughputErrorPausesTheWholeNumber() {
        String userA = newRecipient();
        String userB = newRecipient();
        stub(post(urlPathMatching("/v25.0/1008/messages")).atPriority(1).inScenario("130429").whenScenarioStateIs(STARTED)
                .willReturn(graphError(400, 130429, "Rate limit hit")).willSetStateTo("recovered"));
        OutboundMessage toA = text("throttled", "1008", userA, 0, "for A");
        OutboundMessage toB = text("throttled", "1008", userB, 0, "for B");

        publish(Topics.OUTBOUND, toA);
        await().atMost(Duration.ofSeconds(20)).until(() -> !requestsFor(toA).isEmpty());
        publish(Topics.OUTBOUND, toB);

        await().atMost(Duration.ofSeconds(20)).until(() -> accepted(toA).isPresent() && accepted(toB).isPresent());
        long throttledAt = requestsFor(toA).get(0).getLoggedDate().getTime();
        assertThat(requestsFor(toB).get(0).getLoggedDate().getTime() - throttledAt)
                .as("another recipient of the same number waits out the 1 s pause").isGreaterThanOrEqualTo(1000);
        assertThat(requestsFor(toA)).hasSize(2);
    }

    @Test
    void tokenErrorOpensTheCircuitOfTheNumber() {
        String user = newRecipient();
        stub(post(urlPathMatching("/v25.0/1006/messages")).atPriority(1).willReturn(graphError(401, 190, "Invalid OAuth access token")));
        OutboundMessage first = text("blocked", "1006", user, 0, "one");
        OutboundMessage second = text("blocked", "1006", user, 1, "two");

        publish(Topics.OUTBOUND, first);
        await().atMost(Duration.ofSeconds(20)).until(() -> !deadLetters(first).isEmpty());
        publish(Topics.OUTBOUND, second);

        await().atMost(Duration.ofSeconds(20)).until(() -> !deadLetters(second).isEmpty());
        assertThat(header(deadLetters(first).get(0), DeadLetterHeaders.GRAPH_ERROR_CODE)).isEqualTo("190");
        assertThat(header(deadLetters(second).get(0), EventHeaders.FAILURE_REASON)).contains("circuit open");
        assertThat(requestsFor(second)).as("no call while the circuit is open").isEmpty();
    }

    @Test
    void sendsAppSecretProofAndBearerToken() throws Exception {
        String user = newRecipient();
        OutboundMessage message = text("fast", "1004", user, 0, "proof");

        publish(Topics.OUTBOUND, message);

        await().atMost(Duration.ofSeconds(20)).until(() -> !requestsFor(message).isEmpty());
        LoggedRequest request = requestsFor(message).get(0);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("fast-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String proof = HexFormat.of().formatHex(mac.doFinal("token-fast".getBytes(StandardCharsets.UTF_8)));
        assertThat(request.queryParameter("appsecret_proof").firstValue()).isEqualTo(proof);
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer token-fast");
        assertThat(body(request).path("messaging_product").asText()).isEqualTo("whatsapp");
        assertThat(body(request).path("to").asText()).isEqualTo(user);
        assertThat(body(request).path("biz_opaque_callback_data").asText()).isEqualTo(message.outboundId());
    }

    private static void failFirst(String user, String scenario, ResponseDefinitionBuilder failure) {
        stub(post(urlPathMatching(MESSAGES_PATH)).atPriority(1).inScenario(scenario + user).whenScenarioStateIs(STARTED)
                .withRequestBody(matchingJsonPath("$.to", equalTo(user)))
                .willReturn(failure).willSetStateTo("recovered"));
    }

    static ResponseDefinitionBuilder graphError(int status, int code, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"" + message + "\",\"type\":\"OAuthException\",\"code\":" + code
                        + ",\"error_data\":{\"messaging_product\":\"whatsapp\",\"details\":\"details of " + code + "\"},"
                        + "\"fbtrace_id\":\"trace-" + code + "\"}}");
    }

    static List<ConsumerRecord<String, byte[]>> deadLetters(OutboundMessage message) {
        return records(Topics.deadLetterOf(Topics.OUTBOUND), record -> record.value() != null
                && new String(record.value(), StandardCharsets.UTF_8).contains(message.outboundId()));
    }

    static java.util.Optional<StatusEvent> accepted(OutboundMessage message) {
        return egressStatus(message, DeliveryStatus.ACCEPTED);
    }

    static java.util.Optional<StatusEvent> failed(OutboundMessage message) {
        return egressStatus(message, DeliveryStatus.FAILED);
    }

    private static java.util.Optional<StatusEvent> egressStatus(OutboundMessage message, DeliveryStatus status) {
        return records(Topics.STATUSES, record -> message.conversationKey().equals(record.key())).stream()
                .map(record -> codec().read(record, StatusEvent.class))
                .filter(event -> event.source() == StatusSource.EGRESS && message.outboundId().equals(event.outboundId()))
                .filter(event -> event.status() == status)
                .findFirst();
    }

    private static long committed(Admin admin, RecordMetadata metadata) throws Exception {
        TopicPartition partition = new TopicPartition(metadata.topic(), metadata.partition());
        OffsetAndMetadata offset = admin.listConsumerGroupOffsets("wabridge-egress").partitionsToOffsetAndMetadata().get().get(partition);
        return offset == null ? -1 : offset.offset();
    }
}
