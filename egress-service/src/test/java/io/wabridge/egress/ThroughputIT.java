package io.wabridge.egress;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wabridge.egress.dispatch.OutboundConsumerProbe;
import io.wabridge.model.Topics;
import io.wabridge.model.event.OutboundMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The per-number budget, and the in-flight bound. */
class ThroughputIT extends EgressITSupport {

    @Autowired
    OutboundConsumerProbe consumer;

    @Test
    void neverExceedsTheNumbersBudgetInAnyOneSecondWindow() {
        int budget = 10; // wabridge.egress.throughput.budgets.budget
        int count = 30;
        List<OutboundMessage> messages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            messages.add(text("budget", "1005", newRecipient(), 0, "burst " + i));
        }
        messages.forEach(message -> publish(Topics.OUTBOUND, message));

        await().atMost(Duration.ofSeconds(30)).until(() -> requestsToNumber("1005").size() >= count);

        List<Long> times = requestsToNumber("1005").stream().map(request -> request.getLoggedDate().getTime()).toList();
        for (int i = 0; i < times.size(); i++) {
            long windowStart = times.get(i);
            long inWindow = times.stream().filter(t -> t >= windowStart && t < windowStart + 1000).count();
            assertThat(inWindow).as("requests in the second from request %d; arrival times (ms from the first): %s", i,
                    times.stream().map(t -> t - times.get(0)).toList()).isLessThanOrEqualTo(budget);
        }
    }

    @Test
    void pausesConsumptionWhenTooMuchIsInFlightAndLosesNothing() {
        String user = newRecipient();
        // A slow Graph for this recipient: its lane drains far slower than the records arrive.
        stub(post(urlPathMatching(MESSAGES_PATH)).atPriority(1).withRequestBody(matchingJsonPath("$.to", equalTo(user)))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withFixedDelay(50)
                        .withBody("{\"messages\":[{\"id\":\"wamid.{{jsonPath request.body '$.biz_opaque_callback_data'}}\"}]}")));
        String inbound = UUID.randomUUID().toString();
        int count = 40; // max-in-flight is 20 in the tests; one recipient's lane drains them one by one
        int pausesBefore = consumer.pauses();
        for (int i = 0; i < count; i++) {
            publish(Topics.OUTBOUND, message(inbound, "fast", "1004", user, i, "m" + i));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> firstRequestsTo(user).size() >= count);

        assertThat(consumer.pauses()).isGreaterThan(pausesBefore);
        assertThat(firstRequestsTo(user).stream().map(EgressITSupport::textOf).toList())
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, count).mapToObj(i -> "m" + i).toList());
    }
}
