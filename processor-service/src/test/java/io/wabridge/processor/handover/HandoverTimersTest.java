package io.wabridge.processor.handover;

import static org.assertj.core.api.Assertions.assertThat;

import io.wabridge.model.settings.HandoverSettings;
import io.wabridge.model.state.HandoverState;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HandoverTimersTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final HandoverSettings TIMED = new HandoverSettings(null, null, null, Duration.ofMinutes(10), Duration.ofMinutes(2),
            null, null, null, null);
    private static final HandoverState QUEUED = HandoverState.requested("h", "demo", "u", "kafka", "api", T0, null).queued(null);

    @Test
    void warnsBeforeTheTimeoutOnceThenEnds() {
        assertThat(HandoverTimers.stage(QUEUED, TIMED, T0.plus(Duration.ofMinutes(7)))).isEmpty();
        assertThat(HandoverTimers.stage(QUEUED, TIMED, T0.plus(Duration.ofMinutes(8)))).contains(HandoverTimers.WARNING);
        assertThat(HandoverTimers.stage(QUEUED.warnedOfInactivity(), TIMED, T0.plus(Duration.ofMinutes(9)))).isEmpty();
        assertThat(HandoverTimers.stage(QUEUED.warnedOfInactivity(), TIMED, T0.plus(Duration.ofMinutes(10)))).contains(HandoverTimers.END);
    }

    @Test
    void activityStartsTheTimerAgainAndNoTimeoutMeansNoTimer() {
        HandoverState busy = QUEUED.warnedOfInactivity().activeAt(T0.plus(Duration.ofMinutes(9)));

        assertThat(HandoverTimers.stage(busy, TIMED, T0.plus(Duration.ofMinutes(10)))).isEmpty();
        assertThat(busy.warned()).isFalse();
        assertThat(HandoverTimers.stage(QUEUED, HandoverSettings.DEFAULTS, T0.plus(Duration.ofDays(9)))).isEmpty();
    }
}
