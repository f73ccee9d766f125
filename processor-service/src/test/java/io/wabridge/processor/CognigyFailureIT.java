package io.wabridge.processor;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wabridge.model.EventHeaders;
import io.wabridge.model.Topics;
import io.wabridge.model.event.InboundEvent;
import io.wabridge.model.event.OutboundMessage;
import io.wabridge.model.settings.EndpointSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** Cognigy down, rejecting or babbling, and unreadable input: the user hears back, nothing is lost. */
class CognigyFailureIT extends ProcessorITSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void cognigyDownSendsTheFallbackMessageAndDeadLettersTheInput() {
        cognigy.stubFor(post(urlPathEqualTo("/cognigy/down")).atPriority(1).willReturn(aResponse().withStatus(503)));
        String user = newUser();
        InboundEvent event = TestEvents.text("3003", user, "wamid.down-" + user, "anyone there?", TestEvents.T0);
        send(event);

        await().atMost(WAIT).until(() -> !deadLetters(event.conversationKey()).isEmpty());
        List<OutboundMessage> out = outbound(event.conversationKey());
        assertThat(out).hasSize(1);
        assertThat(textOf(out.get(0))).isEqualTo(FALLBACK);

        ConsumerRecord<String, byte[]> dead = deadLetters(event.conversationKey()).get(0);
        assertThat(failureReason(dead)).isEqualTo("cognigy-unavailable");
        assertThat(codec.read(dead, InboundEvent.class)).isEqualTo(event);
        assertThat(header(dead, EventHeaders.DLT_SOURCE_TOPIC)).isEqualTo(Topics.INBOUND);
        assertThat(cognigyCalls(user)).as("bounded retries").hasSize(2);
    }

    @Test
    void aRejectedOrMalformedAnswerFallsBackAndDeadLetters() {
        String rejected = newUser();
        String malformed = newUser();
        cognigy.stubFor(post(urlPathMatching("/cognigy/.*")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.userId", equalTo(rejected))).willReturn(aResponse().withStatus(403)));
        cognigy.stubFor(post(urlPathMatching("/cognigy/.*")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.userId", equalTo(malformed))).willReturn(okJson("{\"outputStack\": oops")));
        InboundEvent first = TestEvents.text(TestEvents.PHONE_NUMBER_ID, rejected, "wamid.rejected-" + rejected, "hi", TestEvents.T0);
        InboundEvent second = TestEvents.text(TestEvents.PHONE_NUMBER_ID, malformed, "wamid.malformed-" + malformed, "hi", TestEvents.T0);
        send(first);
        send(second);

        await().atMost(WAIT).until(() -> !deadLetters(first.conversationKey()).isEmpty() && !deadLetters(second.conversationKey()).isEmpty());
        assertThat(failureReason(deadLetters(first.conversationKey()).get(0))).isEqualTo("cognigy-rejected");
        assertThat(failureReason(deadLetters(second.conversationKey()).get(0))).isEqualTo("cognigy-malformed-response");
        assertThat(outbound(first.conversationKey())).extracting(ProcessorITSupport::textOf)
                .containsExactly(EndpointSettings.Cognigy.DEFAULT_FALLBACK_TEXT);
        assertThat(outbound(second.conversationKey())).extracting(ProcessorITSupport::textOf)
                .containsExactly(EndpointSettings.Cognigy.DEFAULT_FALLBACK_TEXT);
        assertThat(cognigyCalls(rejected)).as("a 4xx is not retried").hasSize(1);
    }

    @Test
    void anUnreadableRecordIsDeadLetteredAndTheConversationGoesOn() {
        String user = newUser();
        String key = TestEvents.PHONE_NUMBER_ID + ":" + user;
        send(new ProducerRecord<>(Topics.INBOUND, key, "{not an event".getBytes(StandardCharsets.UTF_8)));
        send(TestEvents.text(TestEvents.PHONE_NUMBER_ID, user, "wamid.next-" + user, "still there?", TestEvents.T0));

        await().atMost(WAIT).until(() -> outbound(key).size() == 1);
        assertThat(textOf(outbound(key).get(0))).isEqualTo("echo still there?");
        List<ConsumerRecord<String, byte[]>> dead = deadLetters(key);
        assertThat(dead).hasSize(1);
        assertThat(failureReason(dead.get(0))).isEqualTo("unreadable-event");
        assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("{not an event");
        assertThat(header(dead.get(0), EventHeaders.FAILURE_REASON)).isNotBlank();
    }
}
