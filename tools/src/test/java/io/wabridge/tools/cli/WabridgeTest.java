package io.wabridge.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The entry point without a broker: usage errors are reported, never attempted. */
class WabridgeTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Wabridge wabridge = new Wabridge(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), Clock.systemUTC());

    @Test
    void withoutACommandPrintsUsage() {
        assertThat(wabridge.run(List.of(), () -> true)).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("wabridge replay --from", "wabridge tail --key");
    }

    @Test
    void anUnknownCommandOrOptionIsAUsageError() {
        assertThat(wabridge.run(List.of("rewind"), () -> true)).isEqualTo(2);
        assertThat(wabridge.run(List.of("replay", "--from", "t", "--frce"), () -> true)).isEqualTo(2);
        assertThat(wabridge.run(List.of("tail"), () -> true)).isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("unknown command: rewind", "unknown option: --frce", "--key is required");
    }
}
