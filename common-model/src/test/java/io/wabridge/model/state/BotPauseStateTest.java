package io.wabridge.model.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.wabridge.model.Json;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The bot's pause on the conversation state: carried through turns and the changelog, over at its end. */
class BotPauseStateTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final BotPause FOUR_HOURS = new BotPause(BotPause.Cause.HUMAN_REPLY, T0, T0.plus(Duration.ofHours(4)));

    @Test
    void aPauseHoldsUntilItsEndAndNotAfter() {
        ConversationState paused = ConversationState.NEW.withPause(FOUR_HOURS);

        assertThat(paused.pauseAt(T0)).isEqualTo(FOUR_HOURS);
        assertThat(paused.pauseAt(T0.plus(Duration.ofHours(4)).minusMillis(1))).isEqualTo(FOUR_HOURS);
        assertThat(paused.pauseAt(T0.plus(Duration.ofHours(4)))).isNull();
        assertThat(paused.withPause(null).pauseAt(T0)).isNull();
    }

    @Test
    void turnsHandoversWindowsAndTheChangelogKeepThePause() {
        ConversationState state = ConversationState.NEW.withPause(FOUR_HOURS)
                .afterTurn("s", T0, "m1", 1, 20).remember("n1", 2, 20).withHandover(true).withHandover(false)
                .withWindowRenewedBy(T0).withSessionStorage(null).withUserLanguage(new ConversationState.UserLanguage("de", 1));

        ConversationState read = Json.fromBytes(Json.toBytes(state), ConversationState.class);

        assertThat(state.pause()).isEqualTo(FOUR_HOURS);
        assertThat(read).isEqualTo(state);
    }
}
