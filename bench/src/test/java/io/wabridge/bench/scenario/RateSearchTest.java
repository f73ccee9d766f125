package io.wabridge.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.wabridge.bench.load.PhaseResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateSearchTest {

    private final Sustainability rule = Sustainability.DEFAULT;

    @Test
    void doublesUntilAStepFailsThenBisectsBetweenTheLastSustainedAndTheFirstFailedRate() throws Exception {
        RateSearch.Result result = RateSearch.search(rate -> Steps.systemWithCapacity(5_300, rate), rule, 1000, 64_000, 3);

        assertThat(result.steps()).extracting(PhaseResult::ratePerSecond)
                .containsExactly(1000.0, 2000.0, 4000.0, 8000.0, 8000.0, 6000.0, 6000.0, 5000.0, 5500.0, 5500.0);
        assertThat(result.maxSustained()).isEqualTo(5000);
        assertThat(result.best().ratePerSecond()).isEqualTo(5000);
        assertThat(result.limitedByMax()).isFalse();
    }

    @Test
    void reportsZeroWhenNotEvenTheFirstStepIsSustained() throws Exception {
        RateSearch.Result result = RateSearch.search(rate -> Steps.systemWithCapacity(100, rate), rule, 1000, 64_000, 1);

        assertThat(result.maxSustained()).isZero();
        assertThat(result.best()).isNull();
        assertThat(result.steps()).extracting(PhaseResult::ratePerSecond).containsExactly(1000.0, 1000.0, 500.0, 500.0);
    }

    @Test
    void saysWhenTheSearchStoppedAtItsMaximumRatherThanAtTheSystemsLimit() throws Exception {
        RateSearch.Result result = RateSearch.search(rate -> Steps.systemWithCapacity(1e9, rate), rule, 1000, 4000, 3);

        assertThat(result.maxSustained()).isEqualTo(4000);
        assertThat(result.limitedByMax()).isTrue();
    }

    @Test
    void givesAFailedStepASecondRunSoThatOneBurstOfOtherWorkDoesNotDecide() throws Exception {
        int[] runs = {0};
        RateSearch.Result result = RateSearch.search(rate -> {
            runs[0]++;
            boolean interfered = rate == 2000 && runs[0] == 2;
            return interfered ? Steps.step(rate, 300, 0, false) : Steps.systemWithCapacity(3000, rate);
        }, rule, 1000, 64_000, 0);

        assertThat(result.steps()).extracting(PhaseResult::ratePerSecond).containsExactly(1000.0, 2000.0, 2000.0, 4000.0, 4000.0);
        assertThat(result.maxSustained()).isEqualTo(2000);
    }

    @Test
    void roundsRatesToTwoSignificantDigits() {
        assertThat(List.of(RateSearch.roundRate(6137.5), RateSearch.roundRate(750), RateSearch.roundRate(12_345)))
                .containsExactly(6100.0, 750.0, 12_000.0);
    }
}
