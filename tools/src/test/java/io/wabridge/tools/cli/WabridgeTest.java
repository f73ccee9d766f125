package io.wabridge.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The entry point without a broker: usage errors are reported, never attempted; help is per command. */
class WabridgeTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Wabridge wabridge = new Wabridge(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), Clock.systemUTC());

    @Test
    void withoutACommandPrintsUsageAndTheCommands() {
        assertThat(wabridge.run(List.of(), () -> true)).isEqualTo(2);

        assertThat(err()).contains("a command is needed", "Usage: wabridge", "replay", "tail", "Exit status:");
    }

    @Test
    void helpIsPerCommandAndExitsZero() {
        assertThat(wabridge.run(List.of("replay", "--help"), () -> true)).isZero();
        assertThat(out()).contains("Usage: wabridge replay", "--from=<topic>", "--from-offset=X", "--message-id=<wamid>",
                "--dry-run", "--force", "--unmasked", "--bootstrap-servers=host:port", "2   wrong usage");
        out.reset();

        assertThat(wabridge.run(List.of("help", "tail"), () -> true)).isZero();
        assertThat(out()).contains("Usage: wabridge tail", "--key=<conversation key>", "--follow", "--topics=t1,t2,...");
        assertThat(err()).isEmpty();
    }

    @Test
    void anUnknownCommandOrOptionIsAUsageError() {
        assertThat(wabridge.run(List.of("rewind"), () -> true)).isEqualTo(2);
        assertThat(wabridge.run(List.of("replay", "--from", "t", "--frce"), () -> true)).isEqualTo(2);
        assertThat(wabridge.run(List.of("tail"), () -> true)).isEqualTo(2);

        assertThat(err()).contains("Unmatched argument at index 0: 'rewind'", "Unknown option: '--frce'",
                "Missing required option: '--key=<conversation key>'", "Usage: wabridge tail");
    }

    @Test
    void aBadValueNamesItsOption() {
        assertThat(wabridge.run(List.of("replay", "--from", "t", "--partition", "x"), () -> true)).isEqualTo(2);
        assertThat(wabridge.run(List.of("replay", "--from", "t", "--until", "yesterday"), () -> true)).isEqualTo(2);
        assertThat(wabridge.run(List.of("replay", "--from", "t", "--from", "u"), () -> true)).isEqualTo(2);
        assertThat(wabridge.run(List.of("replay", "--from", "t", "--force=yes"), () -> true)).isEqualTo(2);

        assertThat(err()).contains("Invalid value for option '--partition'", "Invalid value for option '--until'",
                "'yesterday' is neither an ISO instant", "option '--from' (<topic>) should be specified only once");
    }

    @Test
    void optionsThatContradictEachOtherAreAUsageErrorBeforeKafkaIsAsked() {
        assertThat(wabridge.run(List.of("replay", "--from", "t", "--from-offset", "1", "--bootstrap-servers", "nowhere.invalid:1"),
                () -> true)).isEqualTo(2);

        assertThat(err()).contains("--from-offset and --to-offset need --partition", "Usage: wabridge replay");
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
