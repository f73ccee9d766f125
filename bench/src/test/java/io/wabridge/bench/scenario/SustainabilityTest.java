package io.wabridge.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SustainabilityTest {

    private final Sustainability rule = new Sustainability(100, 0.001, 0.95);

    @Test
    void sustainsAStepThatAnsweredEverythingInTime() {
        assertThat(rule.problems(Steps.step(4000, 35, 0, false))).isEmpty();
    }

    @Test
    void failsAStepOnLatencyErrorsOrBacklog() {
        assertThat(rule.problems(Steps.step(4000, 180, 0, false))).singleElement().asString().isEqualTo("p99 180 ms > 100 ms");
        assertThat(rule.problems(Steps.step(4000, 20, 40, false))).anySatisfy(problem -> assertThat(problem).contains("40 errors"));
        assertThat(rule.sustained(Steps.step(4000, 20, 0, true))).isFalse();
    }

    @Test
    void toleratesErrorsUpToTheAllowedShare() {
        assertThat(rule.sustained(Steps.step(4000, 20, 4, false))).isTrue();
        assertThat(rule.sustained(Steps.step(4000, 20, 5, false))).isFalse();
    }
}
