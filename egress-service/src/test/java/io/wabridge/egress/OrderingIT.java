package io.wabridge.egress;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.wabridge.model.EventIds;
import io.wabridge.model.Topics;
import io.wabridge.model.event.DeliveryStatus;
import io.wabridge.model.event.OutboundKind;
import io.wabridge.model.event.OutboundMessage;
import io.wabridge.model.event.StatusEvent;
import io.wabridge.model.event.StatusSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Per-recipient order and pacing, in both ordering modes. */
class OrderingIT extends EgressITSupport {

    @Test
    void keepsRepliesInOrderWithTheMessageDelayBetweenThem() {
        String user = newRecipient();
        String inbound = UUID.randomUUID().toString();
        for (int i = 0; i < 3; i++) {
            publish(Topics.OUTBOUND, message(inbound, "paced", "1001", user, i, "reply " + i));
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> firstRequestsTo(user).size() == 3);

        List<LoggedRequest> requests = firstRequestsTo(user);
        assertThat(requests).extracting(EgressITSupport::textOf).containsExactly("reply 0", "reply 1", "reply 2");
        for (int i = 1; i < requests.size(); i++) {
            long gap = requests.get(i).getLoggedDate().getTime() - requests.get(i - 1).getLoggedDate().getTime();
            assertThat(gap).as("gap before reply %d", i).isGreaterThanOrEqualTo(300);
        }
        assertThat(requests.get(0).getUrl()).startsWith("/v25.0/1001/messages");
        assertThat(requests.get(0).getHeader("Authorization")).isEqualTo("Bearer token-paced");
    }

    @Test
    void inDeliveredModeHoldsTheNextMessageUntilThePreviousOneIsDelivered() {
        String user = newRecipient();
        String inbound = UUID.randomUUID().toString();
        OutboundMessage first = message(inbound, "delivered", "1002", user, 0, "first");
        OutboundMessage second = message(inbound, "delivered", "1002", user, 1, "second");
        publish(Topics.OUTBOUND, first);
        publish(Topics.OUTBOUND, second);

        await().atMost(Duration.ofSeconds(20)).until(() -> !requestsFor(first).isEmpty());
        // Its delivered-timeout is 5 s: without a status, the second message must not go.
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3)).until(() -> requestsFor(second).isEmpty());
        // While the user waits, a typing indicator is shown on the user's message.
        assertThat(GRAPH.findAll(postRequestedFor(urlPathMatching(MESSAGES_PATH))
                .withRequestBody(matchingJsonPath("$.typing_indicator.type", equalTo("text")))
                .withRequestBody(matchingJsonPath("$.message_id", equalTo(second.replyTo()))))).isNotEmpty();

        Instant statusSent = Instant.now();
        publish(codec().record(Topics.STATUSES, first.conversationKey(), delivered(first), null));

        await().atMost(Duration.ofSeconds(10)).until(() -> !requestsFor(second).isEmpty());
        assertThat(requestsFor(second).get(0).getLoggedDate().toInstant()).isAfterOrEqualTo(statusSent.minusMillis(1));
        assertThat(requestsTo(user)).extracting(EgressITSupport::textOf).containsSubsequence("first", "second");
    }

    @Test
    void inDeliveredModeSendsTheNextMessageAfterTheTimeoutWhenNoStatusComes() {
        String user = newRecipient();
        String inbound = UUID.randomUUID().toString();
        publish(Topics.OUTBOUND, message(inbound, "timeout", "1003", user, 0, "first"));
        publish(Topics.OUTBOUND, message(inbound, "timeout", "1003", user, 1, "second"));

        await().atMost(Duration.ofSeconds(20)).until(() -> firstRequestsTo(user).size() == 2);

        List<LoggedRequest> requests = firstRequestsTo(user);
        assertThat(requests).extracting(EgressITSupport::textOf).containsExactly("first", "second");
        long gap = requests.get(1).getLoggedDate().getTime() - requests.get(0).getLoggedDate().getTime();
        assertThat(gap).as("delivered-timeout 400 ms + message-delay 100 ms").isGreaterThanOrEqualTo(500);
    }

    @Test
    void marksAUserMessageAsRead() {
        String user = newRecipient();
        OutboundMessage reply = text("fast", "1004", user, 0, "unused");
        OutboundMessage markRead = new OutboundMessage(OutboundMessage.SCHEMA_VERSION, reply.outboundId(), reply.inboundEventId(), 0,
                OutboundKind.MARK_READ, "fast", "1004", reply.conversationKey(), user, "wamid.read-" + user, null, Instant.now());

        publish(Topics.OUTBOUND, markRead);

        await().atMost(Duration.ofSeconds(20)).until(() -> !GRAPH.findAll(postRequestedFor(urlPathMatching("/v25.0/1004/messages"))
                .withRequestBody(matchingJsonPath("$.message_id", equalTo("wamid.read-" + user)))).isEmpty());
        var request = GRAPH.findAll(postRequestedFor(urlPathMatching("/v25.0/1004/messages"))
                .withRequestBody(matchingJsonPath("$.message_id", equalTo("wamid.read-" + user)))).get(0);
        assertThat(body(request).path("status").asText()).isEqualTo("read");
        assertThat(body(request).has("typing_indicator")).isFalse();
    }

    private static StatusEvent delivered(OutboundMessage message) {
        Instant now = Instant.now();
        String wamid = "wamid." + message.outboundId();
        return new StatusEvent(StatusEvent.SCHEMA_VERSION, EventIds.status(wamid, "delivered", Long.toString(now.getEpochSecond())),
                StatusSource.WEBHOOK, message.endpointId(), message.phoneNumberId(), message.conversationKey(), message.recipient(),
                wamid, null, DeliveryStatus.DELIVERED, now, now, message.outboundId(), List.of(), null);
    }
}
