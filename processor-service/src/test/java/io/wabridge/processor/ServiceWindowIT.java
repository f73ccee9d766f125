package io.wabridge.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wabridge.model.EventHeaders;
import io.wabridge.model.Topics;
import io.wabridge.model.event.InboundEvent;
import io.wabridge.model.event.InboundKind;
import io.wabridge.model.event.OutboundMessage;
import io.wabridge.processor.pipeline.InboundProcessor;
import io.wabridge.support.kafka.TestKafkaBroker;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The customer-service window and the user's edits and revokes, through the real broker: what
 * reaches {@code whatsapp.outbound}, {@code whatsapp.outbound-dlt} and the (WireMock) flow.
 */
class ServiceWindowIT extends ProcessorITSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static TopicCollector outboundDeadLetters;

    @Autowired
    InboundProcessor processor;

    /** After the context started: the processor creates the topic. */
    @BeforeEach
    void collectOutboundDeadLetters() {
        synchronized (ServiceWindowIT.class) {
            if (outboundDeadLetters == null) {
                outboundDeadLetters = new TopicCollector(TestKafkaBroker.bootstrapServers(), Topics.deadLetterOf(Topics.OUTBOUND));
            }
        }
    }

    @Test
    void aNotifyToAUserWithoutAnOpenWindowIsDeadLetteredAndNotSent() {
        String user = newUser();
        String key = TestEvents.PHONE_NUMBER_ID + ":" + user;
        send(notify(TestEvents.PHONE_NUMBER_ID, user, "Your parcel has arrived"));
        send(TestEvents.text(TestEvents.PHONE_NUMBER_ID, user, "wamid.later-" + user, "later", Instant.now()));

        await().atMost(WAIT).until(() -> outbound(key).size() == 1 && outboundDeadLetters.withKey(key).size() == 1);
        assertThat(textOf(outbound(key).get(0))).as("only the reply to the later user message").isEqualTo("echo later");
        List<ConsumerRecord<String, byte[]>> dead = outboundDeadLetters.withKey(key);
        assertThat(dead).singleElement().satisfies(record -> {
            assertThat(failureReason(record)).isEqualTo("outside-service-window");
            assertThat(header(record, EventHeaders.DLT_SOURCE_TOPIC)).isEqualTo(Topics.OUTBOUND);
            assertThat(textOf(codec.read(record, OutboundMessage.class))).isEqualTo("Your parcel has arrived");
        });
    }

    @Test
    void outsideTheWindowTheEndpointsTemplateIsSentInstead() {
        String user = newUser();
        String key = "9009:" + user;
        send(notify("9009", user, "Your parcel has arrived"));

        await().atMost(WAIT).until(() -> outbound(key).size() == 1);
        OutboundMessage sent = outbound(key).get(0);
        assertThat(sent.message().path("type").asText()).isEqualTo("template");
        assertThat(sent.message().path("template").path("name").asText()).isEqualTo("reopen_conversation");
        assertThat(sent.message().path("template").path("language").path("code").asText()).isEqualTo("de");
        assertThat(sent.message().path("template").path("components").get(0).path("parameters").get(0).path("text").asText())
                .isEqualTo("Your parcel has arrived");
        assertThat(outboundDeadLetters.withKey(key)).isEmpty();
    }

    @Test
    void theWindowSurvivesARestart() {
        String open = newUser();
        String closed = newUser();
        send(TestEvents.text(TestEvents.PHONE_NUMBER_ID, open, "wamid.open-" + open, "hi", Instant.now()));
        send(TestEvents.text(TestEvents.PHONE_NUMBER_ID, closed, "wamid.old-" + closed, "old",
                Instant.now().minus(Duration.ofHours(25))));
        await().atMost(WAIT).until(() -> outbound(TestEvents.PHONE_NUMBER_ID + ":" + open).size() == 1
                && outbound(TestEvents.PHONE_NUMBER_ID + ":" + closed).size() == 1);

        processor.stop();
        processor.start();
        send(notify(TestEvents.PHONE_NUMBER_ID, open, "still open"));
        send(notify(TestEvents.PHONE_NUMBER_ID, closed, "closed since"));

        await().atMost(WAIT).until(() -> outbound(TestEvents.PHONE_NUMBER_ID + ":" + open).size() == 2
                && outboundDeadLetters.withKey(TestEvents.PHONE_NUMBER_ID + ":" + closed).size() == 1);
        assertThat(textOf(outbound(TestEvents.PHONE_NUMBER_ID + ":" + open).get(1))).isEqualTo("still open");
        assertThat(outbound(TestEvents.PHONE_NUMBER_ID + ":" + closed)).hasSize(1);
    }

    @Test
    void editsAndARevokeReachTheFlowOnceAsWhatTheyAreAndARedeliveryDoesNotRepeatThem() {
        String user = newUser();
        for (InboundEvent change : TestEvents.userChanges(TestEvents.PHONE_NUMBER_ID, user)) {
            send(record(change));
            send(record(change));
        }
        send(TestEvents.text(TestEvents.PHONE_NUMBER_ID, user, "wamid.last-" + user, "last", Instant.now()));

        await().atMost(WAIT).until(() -> cognigyCalls(user).size() == 4);
        var calls = cognigyCalls(user).stream().map(ProcessorITSupport::body).toList();
        assertThat(calls.get(0).has("text")).as("an edit is no new sentence").isFalse();
        assertThat(calls.get(0).path("data").path("whatsapp").path("edit").path("originalMessageId").asText()).isEqualTo("wamid.text1");
        assertThat(calls.get(0).path("data").path("whatsapp").path("edit").path("text").asText())
                .isEqualTo("I meant Tuesday, not Thursday");
        assertThat(calls.get(1).path("data").path("whatsapp").path("edit").path("text").asText()).isEqualTo("the right receipt");
        assertThat(calls.get(2).has("text")).isFalse();
        assertThat(calls.get(2).path("data").path("whatsapp").path("revoke").path("messageId").asText()).isEqualTo("wamid.text2");
        assertThat(calls.get(3).path("text").asText()).isEqualTo("last");
    }

    @Test
    void anEndpointThatIgnoresEditsAndRevokesNeverShowsThemToTheFlow() {
        String user = newUser();
        TestEvents.userChanges("9009", user).forEach(this::send);
        send(TestEvents.text("9009", user, "wamid.last-" + user, "last", Instant.now()));

        await().atMost(WAIT).until(() -> outbound("9009:" + user).size() == 1);
        assertThat(cognigyCalls(user)).singleElement()
                .satisfies(call -> assertThat(body(call).path("text").asText()).isEqualTo("last"));
    }

    private ProducerRecord<String, byte[]> record(InboundEvent event) {
        return codec.record(Topics.INBOUND, event.conversationKey(), event, null);
    }

    private static InboundEvent notify(String number, String user, String text) {
        return new InboundEvent(1, "notify-" + text.hashCode() + "-" + user, InboundKind.NOTIFY, null, number, number + ":" + user,
                user, null, null, null, Instant.now(), null, text, null, null, null, null, null);
    }
}
