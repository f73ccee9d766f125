package io.wabridge.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.wabridge.bench.scenario.Profile;
import io.wabridge.bench.scenario.Scenario;
import io.wabridge.bench.scenario.Scenarios;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchCommandTest {

    private static final Path DEFAULT_OUT = Path.of("target", "bench");

    @Test
    void readsEveryOptionInEitherSpelling() {
        BenchSettings settings = parse("--quick", "--scenario", "ingress,egress", "--p99-limit-ms=50",
                "--max-error-ratio", "0.01", "--out=/tmp/b", "--jfr");

        assertThat(settings.scenarios()).containsExactly("ingress", "egress");
        assertThat(settings.profile()).isEqualTo(Profile.QUICK);
        assertThat(settings.rule().p99LimitMs()).isEqualTo(50);
        assertThat(settings.rule().maxErrorRatio()).isEqualTo(0.01);
        assertThat(settings.outputDir()).isEqualTo(Path.of("/tmp/b"));
        assertThat(settings.flightRecording()).isTrue();
    }

    @Test
    void runsEveryScenarioInFullByDefault() {
        BenchSettings settings = parse();

        assertThat(settings.scenarios()).isEqualTo(Scenarios.all().stream().map(Scenario::name).toList());
        assertThat(settings.profile()).isEqualTo(Profile.FULL);
        assertThat(settings.outputDir()).isEqualTo(DEFAULT_OUT);
        assertThat(settings.flightRecording()).isFalse();
    }

    @Test
    void helpNamesEveryOptionAndExitsZero() {
        StringWriter out = new StringWriter();
        CommandLine cli = BenchCommand.commandLine(DEFAULT_OUT).setOut(new PrintWriter(out));

        assertThat(cli.execute("--help")).isZero();
        assertThat(out.toString()).contains("--scenario", "--quick", "--p99-limit-ms", "--max-error-ratio", "--out", "--jfr", "--help",
                "end-to-end");
    }

    @Test
    void anUnknownOptionScenarioOrNumberIsAUsageErrorBeforeAnythingRuns() {
        for (String[] argv : new String[][] {{"--fast"}, {"--scenario", "ingres"}, {"--p99-limit-ms", "soon"}}) {
            StringWriter err = new StringWriter();
            CommandLine cli = BenchCommand.commandLine(DEFAULT_OUT).setErr(new PrintWriter(err));

            assertThat(cli.execute(argv)).as(String.join(" ", argv)).isEqualTo(2);
            assertThat(err.toString()).contains("Usage:");
        }
    }

    private static BenchSettings parse(String... argv) {
        CommandLine cli = BenchCommand.commandLine(DEFAULT_OUT);
        cli.parseArgs(argv);
        return cli.<BenchCommand>getCommand().settings();
    }
}
