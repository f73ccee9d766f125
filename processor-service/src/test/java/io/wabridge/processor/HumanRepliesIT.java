package io.wabridge.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wabridge.model.Topics;
import io.wabridge.model.event.InboundEvent;
import io.wabridge.model.event.InboundKind;
import io.wabridge.processor.pipeline.InboundProcessor;
import io.wabridge.support.kafka.TestKafkaBroker;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * WhatsApp's own humans through the real broker (endpoint {@code humans}, number 9021, echoes
 * pause for 2 h): what reaches the (WireMock) flow, {@code whatsapp.outbound} and the dead-letter
 * topics. Pauses run in event time, so the events carry the times they claim to be received at.
 */
class HumanRepliesIT extends ProcessorITSupport {

    private static final String NUMBER = "9021";
    private static final Duration PAUSE = Duration.ofHours(2);
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static TopicCollector outboundDeadLetters;

    @Autowired
    InboundProcessor processor;

    @BeforeEach
    void collectOutboundDeadLetters() {
        synchronized (HumanRepliesIT.class) {
            if (outboundDeadLetters == null) {
                outboundDeadLetters = new TopicCollector(TestKafkaBroker.bootstrapServers(), Topics.deadLetterOf(Topics.OUTBOUND));
            }
        }
    }

    @Test
    void anEchoPausesTheBotAndThePauseEndsAfterTheConfiguredTime() {
        String user = newUser();
        String key = NUMBER + ":" + user;
        Instant now = Instant.now();
        send(ResponderEvents.echo(NUMBER, user, "wamid.echo-" + user, now));
        send(TestEvents.text(NUMBER, user, "wamid.paused-" + user, "anyone there?", now.plusSeconds(60)));
        send(notify(user, "Your parcel has arrived", now.plusSeconds(120)));
        send(TestEvents.text(NUMBER, user, "wamid.after-" + user, "later", now.plus(PAUSE).plusSeconds(1)));

        await().atMost(WAIT).until(() -> outbound(key).size() == 1 && deadLetters(key).size() == 1);
        assertThat(textOf(outbound(key).get(0))).as("only the message after the pause is answered").isEqualTo("echo later");
        assertThat(cognigyCalls(user)).singleElement().satisfies(call -> assertThat(body(call).path("text").asText()).isEqualTo("later"));
        assertThat(failureReason(deadLetters(key).get(0))).isEqualTo("conversation-paused");
    }

    @Test
    void anEchoDoesNotOpenTheCustomerServiceWindow() {
        String user = newUser();
        String key = NUMBER + ":" + user;
        Instant now = Instant.now();
        send(ResponderEvents.echo(NUMBER, user, "wamid.echo-" + user, now));
        send(notify(user, "Your parcel has arrived", now.plus(PAUSE).plusSeconds(60)));

        await().atMost(WAIT).until(() -> outboundDeadLetters.withKey(key).size() == 1);
        assertThat(failureReason(outboundDeadLetters.withKey(key).get(0))).isEqualTo("outside-service-window");
        assertThat(outbound(key)).isEmpty();
    }

    @Test
    void controlTakenPausesStandbyCopiesSendNothingAndControlPassedResumes() {
        String user = newUser();
        String key = NUMBER + ":" + user;
        Instant now = Instant.now();
        send(ResponderEvents.threadControl(NUMBER, user, "control_taken", now));
        send(ResponderEvents.standby(NUMBER, user, "wamid.standby-user-" + user, "messages", now.plusSeconds(10)));
        send(ResponderEvents.standby(NUMBER, user, "wamid.standby-echo-" + user, "message_echoes", now.plusSeconds(20)));
        send(notify(user, "while another app has it", now.plusSeconds(30)));
        send(ResponderEvents.threadControl(NUMBER, user, "control_passed", now.plusSeconds(40)));
        send(notify(user, "back with the bot", now.plusSeconds(50)));
        send(TestEvents.text(NUMBER, user, "wamid.back-" + user, "thanks", now.plusSeconds(60)));

        await().atMost(WAIT).until(() -> outbound(key).size() == 2);
        assertThat(outbound(key)).extracting(ProcessorITSupport::textOf)
                .as("the standby copy of the user's message kept the window open").containsExactly("back with the bot", "echo thanks");
        assertThat(cognigyCalls(user)).singleElement().satisfies(call -> assertThat(body(call).path("text").asText()).isEqualTo("thanks"));
        assertThat(deadLetters(key)).singleElement()
                .satisfies(record -> assertThat(failureReason(record)).isEqualTo("conversation-paused"));
        assertThat(outboundDeadLetters.withKey(key)).isEmpty();
    }

    @Test
    void aStandbyDeliveryAloneProducesNoSend() {
        String user = newUser();
        String key = NUMBER + ":" + user;
        Instant now = Instant.now();
        send(ResponderEvents.standby(NUMBER, user, "wamid.standby-user-" + user, "messages", now));
        // A marker after it on the same partition: once it is dead-lettered, the standby copy was handled.
        send(notify(user, "marker", now.plusSeconds(1)));

        await().atMost(WAIT).until(() -> deadLetters(key).size() == 1);
        assertThat(outbound(key)).isEmpty();
        assertThat(cognigyCalls(user)).isEmpty();
    }

    @Test
    void thePauseSurvivesAProcessorRestart() {
        String user = newUser();
        String key = NUMBER + ":" + user;
        Instant now = Instant.now();
        send(ResponderEvents.echo(NUMBER, user, "wamid.echo-" + user, now));
        send(notify(user, "marker", now.plusSeconds(1)));
        await().atMost(WAIT).until(() -> deadLetters(key).size() == 1);

        processor.stop();
        processor.start();
        send(TestEvents.text(NUMBER, user, "wamid.paused-" + user, "still there?", now.plusSeconds(60)));
        send(TestEvents.text(NUMBER, user, "wamid.after-" + user, "later", now.plus(PAUSE).plusSeconds(1)));

        await().atMost(WAIT).until(() -> outbound(key).size() == 1);
        assertThat(cognigyCalls(user)).singleElement().satisfies(call -> assertThat(body(call).path("text").asText()).isEqualTo("later"));
    }

    private static InboundEvent notify(String user, String text, Instant at) {
        return new InboundEvent(1, "notify-" + text.hashCode() + "-" + user, InboundKind.NOTIFY, null, NUMBER, NUMBER + ":" + user,
                user, null, null, null, at, null, text, null, null, null, null, null);
    }
}
