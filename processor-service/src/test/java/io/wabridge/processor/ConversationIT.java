package io.wabridge.processor;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.wabridge.model.Json;
import io.wabridge.model.event.InboundEvent;
import io.wabridge.model.event.InboundKind;
import io.wabridge.model.event.OutboundKind;
import io.wabridge.model.event.OutboundMessage;
import io.wabridge.processor.pipeline.InboundProcessor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;

/** Dedupe, per-conversation order, key-level concurrency, sessions and restarts, through Kafka. */
class ConversationIT extends ProcessorITSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    InboundProcessor processor;

    @Autowired
    HealthEndpoint health;

    @Test
    void reportsHealthyWhileConsuming() {
        await().atMost(WAIT).until(() -> health.healthForPath("inboundProcessor").getStatus().equals(Status.UP));
    }

    @Test
    void aRedeliveredMessageReachesCognigyOnce() {
        String user = newUser();
        InboundEvent first = text(user, "wamid.once", "hello", TestEvents.T0);
        send(first);
        send(first);
        send(text(user, "wamid.after", "after", TestEvents.T0.plusSeconds(1)));

        await().atMost(WAIT).until(() -> texts(user).contains("echo after"));
        assertThat(cognigyCalls(user)).extracting(call -> body(call).path("text").asText()).containsExactly("hello", "after");
        assertThat(texts(user)).containsExactly("echo hello", "echo after");
    }

    @Test
    void aSecondMessageFromTheSameUserWaitsForTheFirstTurn() {
        String user = newUser();
        slowReply(user, "first", 1500);
        send(text(user, "wamid.first", "first", TestEvents.T0));
        send(text(user, "wamid.second", "second", TestEvents.T0.plusSeconds(1)));

        await().atMost(WAIT).until(() -> texts(user).size() == 2);
        assertThat(texts(user)).containsExactly("slow first", "echo second");
        List<LoggedRequest> calls = cognigyCalls(user);
        assertThat(calls).hasSize(2);
        long gap = calls.get(1).getLoggedDate().getTime() - calls.get(0).getLoggedDate().getTime();
        assertThat(gap).as("second call only after the first answered").isGreaterThanOrEqualTo(1500);
    }

    @Test
    void anotherUserDoesNotWaitEvenOnTheSamePartition() {
        String slowUser = newUser();
        String otherUser = userOnSamePartitionAs(slowUser);
        slowReply(slowUser, "slow", 6000);
        send(text(slowUser, "wamid.slow", "slow", TestEvents.T0));
        await().atMost(WAIT).until(() -> cognigyCalls(slowUser).size() == 1);
        send(text(otherUser, "wamid.quick", "quick", TestEvents.T0));

        await().atMost(WAIT).until(() -> texts(otherUser).contains("echo quick"));
        assertThat(texts(slowUser)).as("the slow turn is still running").isEmpty();
        long lag = cognigyCalls(otherUser).get(0).getLoggedDate().getTime() - cognigyCalls(slowUser).get(0).getLoggedDate().getTime();
        assertThat(lag).isLessThan(6000);
        await().atMost(WAIT).until(() -> texts(slowUser).contains("slow slow"));
    }

    @Test
    void theSessionChangesAfterTheExpirationAndNotBefore() {
        String user = newUser();
        Instant t = TestEvents.T0;
        send(text(user, "wamid.s1", "one", t));
        send(text(user, "wamid.s2", "two", t.plus(Duration.ofMinutes(29))));
        send(text(user, "wamid.s3", "three", t.plus(Duration.ofMinutes(58))));
        send(text(user, "wamid.s4", "four", t.plus(Duration.ofMinutes(89))));

        await().atMost(WAIT).until(() -> cognigyCalls(user).size() == 4);
        List<String> sessions = cognigyCalls(user).stream().map(call -> body(call).path("sessionId").asText()).toList();
        assertThat(sessions.subList(0, 3)).as("29 minutes of inactivity at most").containsOnly(sessions.get(0));
        assertThat(sessions.get(3)).as("31 minutes of inactivity").isNotEqualTo(sessions.get(0));
    }

    @Test
    void aRestartedProcessorKeepsTheSessionAndTheDedupeMemory() {
        String user = newUser();
        InboundEvent first = text(user, "wamid.before", "before", TestEvents.T0);
        send(first);
        await().atMost(WAIT).until(() -> texts(user).contains("echo before"));

        processor.stop();
        processor.start();
        send(first);
        send(text(user, "wamid.afterRestart", "after restart", TestEvents.T0.plus(Duration.ofMinutes(10))));

        await().atMost(WAIT).until(() -> texts(user).contains("echo after restart"));
        List<LoggedRequest> calls = cognigyCalls(user);
        assertThat(calls).extracting(call -> body(call).path("text").asText()).containsExactly("before", "after restart");
        assertThat(body(calls.get(1)).path("sessionId")).isEqualTo(body(calls.get(0)).path("sessionId"));
    }

    @Test
    void marksTheUsersMessageReadBeforeTheRepliesWhenTheEndpointSaysSo() {
        String user = newUser();
        InboundEvent event = TestEvents.text("2002", user, "wamid.read-me", "hi", TestEvents.T0);
        send(event);

        await().atMost(WAIT).until(() -> outbound(event.conversationKey()).size() == 2);
        List<OutboundMessage> out = outbound(event.conversationKey());
        assertThat(out.get(0).kind()).isEqualTo(OutboundKind.MARK_READ);
        assertThat(out.get(0).replyTo()).isEqualTo("wamid.read-me");
        assertThat(out.get(0).index()).isZero();
        assertThat(out.get(1).kind()).isEqualTo(OutboundKind.MESSAGE);
        assertThat(out.get(1).index()).isEqualTo(1);
        assertThat(textOf(out.get(1))).isEqualTo("echo hi");
    }

    @Test
    void notifyGoesStraightToTheUserAndInjectReachesTheFlowInTheNamedSession() {
        String user = newUser();
        String key = TestEvents.PHONE_NUMBER_ID + ":" + user;
        // The user's message opens the customer-service window the notify needs.
        send(text(user, "wamid.opens", "hi", TestEvents.T0.minusSeconds(60)));
        send(new InboundEvent(1, "notify-" + user, InboundKind.NOTIFY, TestEvents.ENDPOINT, TestEvents.PHONE_NUMBER_ID, key,
                user, null, null, null, TestEvents.T0, null, "Your parcel has arrived", null, null, null, null, null));
        send(new InboundEvent(1, "inject-" + user, InboundKind.INJECT, TestEvents.ENDPOINT, TestEvents.PHONE_NUMBER_ID, key,
                user, null, null, null, TestEvents.T0, null, "injected", Json.mapper().createObjectNode().put("source", "crm"),
                "crm-session", null, null, null));

        await().atMost(WAIT).until(() -> texts(user).size() == 3);
        assertThat(texts(user)).containsExactly("echo hi", "Your parcel has arrived", "echo injected");
        List<LoggedRequest> calls = cognigyCalls(user);
        assertThat(calls).hasSize(2);
        assertThat(body(calls.get(1)).path("sessionId").asText()).isEqualTo("crm-session");
        assertThat(body(calls.get(1)).path("data").path("source").asText()).isEqualTo("crm");
    }

    private static InboundEvent text(String user, String wamid, String body, Instant at) {
        return TestEvents.text(TestEvents.PHONE_NUMBER_ID, user, wamid + "-" + user, body, at);
    }

    private List<String> texts(String user) {
        return outbound(TestEvents.PHONE_NUMBER_ID + ":" + user).stream().map(ProcessorITSupport::textOf).toList();
    }

    private static void slowReply(String user, String text, int millis) {
        cognigy.stubFor(post(urlPathMatching("/cognigy/.*")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.userId", equalTo(user)))
                .withRequestBody(matchingJsonPath("$.text", equalTo(text)))
                .willReturn(okJson("{\"outputStack\":[{\"text\":\"slow " + text + "\"}]}").withFixedDelay(millis)));
    }

    /** Key-level, not partition-level, concurrency: the other user shares the slow user's partition. */
    private static String userOnSamePartitionAs(String user) {
        int partition = partition(TestEvents.PHONE_NUMBER_ID + ":" + user);
        while (true) {
            String candidate = newUser();
            if (partition(TestEvents.PHONE_NUMBER_ID + ":" + candidate) == partition) {
                return candidate;
            }
        }
    }

    private static int partition(String key) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % 12;
    }
}
