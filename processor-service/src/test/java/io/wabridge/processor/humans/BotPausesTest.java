package io.wabridge.processor.humans;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wabridge.model.event.InboundEvent;
import io.wabridge.model.settings.EndpointSettings;
import io.wabridge.model.state.BotPause;
import io.wabridge.model.state.ConversationState;
import io.wabridge.processor.ResponderEvents;
import io.wabridge.processor.TestEvents;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The pause arithmetic: which event starts, renews or ends which pause, never shortening one. */
class BotPausesTest {

    private static final String NUMBER = TestEvents.PHONE_NUMBER_ID;
    private static final Instant T0 = TestEvents.T0;
    private static final EndpointSettings.HumanReplies SETTINGS = new EndpointSettings.HumanReplies(Duration.ofHours(4),
            Duration.ofHours(24));

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final BotPauses pauses = new BotPauses(meters);

    @Test
    void anEchoDeliveredLateDoesNotShortenALongerPause() {
        ConversationState paused = pauses.on(ResponderEvents.threadControl(NUMBER, "u", "control_taken", T0), ConversationState.NEW,
                T0, SETTINGS).state();

        BotPauses.Change late = pauses.on(ResponderEvents.echo(NUMBER, "u", "wamid.e", T0.plusSeconds(60)), paused,
                T0.plusSeconds(60), SETTINGS);

        assertThat(late.state().pause()).isEqualTo(paused.pause());
        assertThat(meters.counter("wabridge.processor.pauses", "cause", "other_app", "action", "started").count()).isEqualTo(1);
        assertThat(meters.counter("wabridge.processor.pauses", "cause", "human_reply", "action", "renewed").count()).isZero();
    }

    @Test
    void aStandbyCopyRenewsAPauseForAnotherAppAndIsCountedAsRenewed() {
        ConversationState paused = pauses.on(ResponderEvents.standby(NUMBER, "u", "wamid.s1", "message_echoes", T0),
                ConversationState.NEW, T0, SETTINGS).state();
        Instant later = T0.plus(Duration.ofHours(3));

        ConversationState renewed = pauses.on(ResponderEvents.standby(NUMBER, "u", "wamid.s2", "message_echoes", later), paused,
                later, SETTINGS).state();

        assertThat(renewed.pause().until()).isEqualTo(later.plus(Duration.ofHours(24)));
        assertThat(meters.counter("wabridge.processor.pauses", "cause", "other_app", "action", "renewed").count()).isEqualTo(1);
    }

    @Test
    void controlPassedEndsOnlyAPauseForAnotherApp() {
        ConversationState person = ConversationState.NEW.withPause(new BotPause(BotPause.Cause.HUMAN_REPLY, T0, T0.plusSeconds(3600)));

        BotPauses.Change passed = pauses.on(ResponderEvents.threadControl(NUMBER, "u", "control_passed", T0.plusSeconds(60)), person,
                T0.plusSeconds(60), SETTINGS);

        assertThat(passed.state().pause()).isEqualTo(person.pause());
        assertThat(passed.outcome()).isEqualTo("control-passed");
    }

    @Test
    void aThreadControlTypeWabridgeDoesNotKnowChangesNothing() {
        InboundEvent unknown = ResponderEvents.threadControl(NUMBER, "u", "control_taken", T0);
        unknown = new InboundEvent(1, unknown.eventId(), unknown.kind(), null, NUMBER, unknown.conversationKey(),
                "u", null, "control_requested", null, T0, null, null, null, null, unknown.message(), null, null);

        BotPauses.Change change = pauses.on(unknown, ConversationState.NEW, T0, SETTINGS);

        assertThat(change.state()).isEqualTo(ConversationState.NEW);
        assertThat(change.outcome()).isEqualTo("thread-control-unknown");
    }

    @Test
    void aUsersRegularMessageAfterThePauseRanOutChangesNothing() {
        ConversationState ranOut = ConversationState.NEW.withPause(new BotPause(BotPause.Cause.OTHER_APP, T0, T0.plusSeconds(60)));

        assertThat(pauses.onUserMessage(ranOut, T0.plusSeconds(61))).isSameAs(ranOut);
        assertThat(meters.counter("wabridge.processor.pauses", "cause", "other_app", "action", "ended").count()).isZero();
    }
}
