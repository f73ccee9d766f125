package io.wabridge.tools.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wabridge.tools.cli.TimeArgument;
import io.wabridge.tools.cli.UsageException;
import java.io.PrintStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ReplayOptionsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void parsesEveryOption() {
        ReplayOptions options = parse("--from", "whatsapp.inbound", "--to", "scratch", "--since", "1h",
                "--until", "2026-11-27T09:30:00Z", "--partition", "3", "--from-offset", "10", "--to-offset=20",
                "--key", "100:491", "--message-id", "wamid.X", "--dry-run", "--force", "--bootstrap-servers", "k:9092");

        assertThat(options).isEqualTo(new ReplayOptions("whatsapp.inbound", "scratch", Instant.parse("2026-11-27T09:00:00Z"),
                Instant.parse("2026-11-27T09:30:00Z"), 3, 10L, 20L, "100:491", "wamid.X", true, true, false, "k:9092"));
    }

    @Test
    void aTargetEqualToTheSourceMeansTheDefault() {
        assertThat(parse("--from", "a", "--to", "a").to()).isNull();
    }

    @Test
    void refusesInconsistentRanges() {
        assertThatThrownBy(() -> parse("--from", "a", "--from-offset", "1"))
                .isInstanceOf(UsageException.class).hasMessageContaining("need --partition");
        assertThatThrownBy(() -> parse("--from", "a", "--partition", "0", "--from-offset", "5", "--to-offset", "4"))
                .hasMessageContaining("--to-offset");
        assertThatThrownBy(() -> parse("--from", "a", "--since", "1h", "--until", "2h")).hasMessageContaining("--until");
    }

    private static ReplayOptions parse(String... arguments) {
        ReplayCommand command = new ReplayCommand(servers -> null, new PrintStream(OutputStream.nullOutputStream()), CLOCK);
        new CommandLine(command).registerConverter(Instant.class, new TimeArgument(CLOCK)).parseArgs(arguments);
        return command.options();
    }
}
