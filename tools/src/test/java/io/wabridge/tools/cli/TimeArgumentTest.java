package io.wabridge.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class TimeArgumentTest {

    private final TimeArgument time = new TimeArgument(Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void timesAreInstantsOrDurationsAgo() {
        assertThat(time.convert("2026-11-27T09:00:00Z")).isEqualTo(Instant.parse("2026-11-27T09:00:00Z"));
        assertThat(time.convert("15m")).isEqualTo(Instant.parse("2026-11-27T09:45:00Z"));
        assertThat(time.convert("2h")).isEqualTo(Instant.parse("2026-11-27T08:00:00Z"));
        assertThat(time.convert("1d")).isEqualTo(Instant.parse("2026-11-26T10:00:00Z"));
        assertThat(time.convert("PT30S")).isEqualTo(Instant.parse("2026-11-27T09:59:30Z"));
        assertThatThrownBy(() -> time.convert("yesterday"))
                .isInstanceOf(TypeConversionException.class).hasMessageContaining("'yesterday' is neither an ISO instant");
    }
}
