package io.wabridge.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.wabridge.bench.load.LatencySummary;
import io.wabridge.bench.load.PhaseResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenLoopSuiteTest {

    private final Sustainability rule = Sustainability.DEFAULT;
    private final PhaseResult cleanLatency = Steps.step(1000, 10, 0, false);

    @Test
    void aValidRunHasNoProblemsEvenWhenStepsAboveCapacityFailed() {
        PhaseResult overloaded = new PhaseResult("step@8000", 8000, 2000, 16_000, 9_000, 8_000, 0, Map.of(503, 1_000L),
                7_000, 0, true, 4_000, LatencySummary.empty());

        assertThat(suite(cleanLatency, overloaded).problems(rule)).isEmpty();
    }

    @Test
    void rejectedRequestsMakeTheRunInvalid() {
        PhaseResult rejected = new PhaseResult("step@2000", 2000, 2000, 4_000, 4_000, 3_990, 0, Map.of(401, 10L),
                0, 0, false, 1_995, LatencySummary.empty());

        assertThat(suite(cleanLatency, rejected).problems(rule)).singleElement().asString()
                .contains("step@2000", "10 requests rejected with 4xx");
    }

    @Test
    void errorsAtTheReferenceRateMakeTheRunInvalid() {
        PhaseResult failing = Steps.step(1000, 10, 50, false);

        assertThat(suite(failing, Steps.step(2000, 10, 0, false)).problems(rule)).singleElement().asString()
                .contains("50 errors of 1000", "reference rate");
    }

    private static OpenLoopSuite suite(PhaseResult latency, PhaseResult step) {
        RateSearch.Result search = new RateSearch.Result(0, null, List.of(step), false);
        return new OpenLoopSuite(List.of(latency, step), latency, List.of(), search);
    }
}
