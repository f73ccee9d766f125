package io.wabridge.tools.tail;

import static org.assertj.core.api.Assertions.assertThat;

import io.wabridge.tools.cli.TimeArgument;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class TailCommandTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void parsesEveryOption() {
        assertThat(parse("--key", "100:491", "--since", "15m", "--follow", "--unmasked", "--topics", "a, b,,c",
                "--bootstrap-servers", "k:9092"))
                .isEqualTo(new TailOptions("100:491", Instant.parse("2026-11-27T09:45:00Z"), true, true, List.of("a", "b", "c"), "k:9092"));
    }

    @Test
    void readsTheConversationsTopicsByDefault() {
        assertThat(parse("--key", "100:491")).isEqualTo(new TailOptions("100:491", null, false, false, TailOptions.DEFAULT_TOPICS, null));
    }

    private static TailOptions parse(String... arguments) {
        TailCommand command = new TailCommand(servers -> null, new PrintStream(OutputStream.nullOutputStream()), () -> true);
        new CommandLine(command).registerConverter(Instant.class, new TimeArgument(CLOCK)).parseArgs(arguments);
        return command.options();
    }
}
