package io.wabridge.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.wabridge.bench.load.LatencySummary;
import io.wabridge.bench.load.PhaseResult;
import io.wabridge.bench.process.HeapStats;
import io.wabridge.bench.process.ProcessStats;
import io.wabridge.bench.scenario.HttpCeilingScenario;
import io.wabridge.bench.scenario.IngressScenario;
import io.wabridge.bench.scenario.ScenarioResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TableReportTest {

    private static final Machine MACHINE = new Machine(2, "Test CPU", 4096, "Linux", "JDK 17", "HotSpot", List.of(1.5, 1.0, 0.5));

    private final ScenarioResult ingress = new ScenarioResult(IngressScenario.NAME, "ingress", List.of(
            Figure.atLeast(IngressScenario.MAX_RATE, 4000, "webhooks/s", 5000, "steps"),
            Figure.atMost(IngressScenario.P99, 12.5, "ms", 20, "after warm-up")),
            List.of(new ProcessStats("ingress", 42, 310.4, 12.3, new HeapStats(120.2, 60.1, 256, 14, 80, 23))),
            List.of(new PhaseResult("latency@1000", 1000, 10_000, 10_000, 10_000, 10_000, 0, Map.of(), 0, 0, false, 1000,
                    new LatencySummary(10_000, 3.1, 6.0, 12.5, 19.0, 25.0, 3.5))),
            List.of());
    private final ScenarioResult ceiling = new ScenarioResult(HttpCeilingScenario.NAME, "no work", List.of(
            Figure.info(HttpCeilingScenario.MAX_RATE, 10_000, "req/s", "steps")), List.of(), List.of(),
            List.of("step@1000: 3 requests rejected with 4xx {401=3}"));

    @Test
    void printsFiguresWithTheirTargetsProcessesPhasesAndValidity() {
        String table = print(new RunReport("2026-11-27T10:00:00Z", 95, "quick", "p99 <= 100 ms", Map.of("broker", "KRaft"), MACHINE, List.of(2.0, 1.0, 0.5),
                Map.of("ingress", List.of(3.0, 2.0, 1.0)), Map.of("ingress", 0.25),
                List.of(ceiling, ingress), Comparisons.of(List.of(ceiling, ingress))));

        assertThat(table)
                .contains("2 cores (Test CPU)", "1.50 1.00 0.50 at start, 2.00 1.00 0.50 at end")
                .containsPattern("ingress max sustained acknowledged rate\\s+4,000 webhooks/s\\s+≥ 5,000\\s+MISSED")
                .containsPattern("ingress ack p99 @1,000/s\\s+12.5 ms\\s+≤ 20\\s+met")
                .containsPattern("ingress / no-work HTTP ceiling\\s+0.40 ratio\\s+≥ 0.50\\s+MISSED")
                .containsPattern("ingress\\s+ingress\\s+120 MB\\s+60 MB\\s+256 MB\\s+310 MB\\s+12.3\\s+14\\s+23 ms")
                .contains("http-ceiling: INVALID: step@1000: 3 requests rejected", "ingress: valid (other work on the machine: 0.25 of 2 cores; load average at its end: 3.00 2.00 1.00)", "run: INVALID");
    }

    @Test
    void leavesOutComparisonsWhoseScenariosDidNotRun() {
        assertThat(Comparisons.of(List.of(ingress))).isEmpty();
    }

    private static String print(RunReport report) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new TableReport(new PrintStream(bytes, true, StandardCharsets.UTF_8)).print(report);
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
