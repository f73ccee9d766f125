package io.wabridge.tools.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wabridge.tools.cli.UsageException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayOptionsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void parsesEveryOption() {
        ReplayOptions options = ReplayOptions.parse(List.of("--from", "whatsapp.inbound", "--to", "scratch", "--since", "1h",
                "--until", "2026-11-27T09:30:00Z", "--partition", "3", "--from-offset", "10", "--to-offset", "20",
                "--key", "100:491", "--message-id", "wamid.X", "--dry-run", "--force", "--bootstrap-servers", "k:9092"), CLOCK);

        assertThat(options).isEqualTo(new ReplayOptions("whatsapp.inbound", "scratch", Instant.parse("2026-11-27T09:00:00Z"),
                Instant.parse("2026-11-27T09:30:00Z"), 3, 10L, 20L, "100:491", "wamid.X", true, true, false, "k:9092"));
    }

    @Test
    void aTargetEqualToTheSourceMeansTheDefault() {
        assertThat(ReplayOptions.parse(List.of("--from", "a", "--to", "a"), CLOCK).to()).isNull();
    }

    @Test
    void refusesInconsistentRanges() {
        assertThatThrownBy(() -> ReplayOptions.parse(List.of(), CLOCK)).hasMessageContaining("--from is required");
        assertThatThrownBy(() -> ReplayOptions.parse(List.of("--from", "a", "--from-offset", "1"), CLOCK))
                .isInstanceOf(UsageException.class).hasMessageContaining("need --partition");
        assertThatThrownBy(() -> ReplayOptions.parse(List.of("--from", "a", "--partition", "0", "--from-offset", "5",
                "--to-offset", "4"), CLOCK)).hasMessageContaining("--to-offset");
        assertThatThrownBy(() -> ReplayOptions.parse(List.of("--from", "a", "--since", "1h", "--until", "2h"), CLOCK))
                .hasMessageContaining("--until");
        assertThatThrownBy(() -> ReplayOptions.parse(List.of("--from", "a", "--partition", "x"), CLOCK))
                .hasMessageContaining("--partition must be a number");
    }
}
