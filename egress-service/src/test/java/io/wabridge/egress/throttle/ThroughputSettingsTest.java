package io.wabridge.egress.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wabridge.support.settings.TestSettings;
import org.junit.jupiter.api.Test;

class ThroughputSettingsTest {

    @Test
    void defaultsToMetasEightyMessagesPerSecond() {
        ThroughputSettings settings = TestSettings.bind(ThroughputSettings.class);

        assertThat(settings.instanceBudget("any", 1.0)).isEqualTo(80);
        assertThat(settings.shareFollowsPartitions()).isTrue();
    }

    @Test
    void splitsTheBudgetAmongInstancesAndHonoursOverrides() {
        ThroughputSettings settings = TestSettings.bind(ThroughputSettings.class, "budgets.big=1000", "instance-share=0.5");

        assertThat(settings.shareFollowsPartitions()).isFalse();
        assertThat(settings.instanceBudget("any", settings.instanceShare())).isEqualTo(40);
        assertThat(settings.instanceBudget("big", settings.instanceShare())).isEqualTo(500);
        // Shares that add up to 1 never add up to more than the budget: each instance rounds down.
        assertThat(settings.instanceBudget("any", 7 / 12.0) + settings.instanceBudget("any", 5 / 12.0)).isLessThanOrEqualTo(80);
    }

    @Test
    void rejectsBudgetsAboveMetasMaximumNamingTheProperty() {
        assertThatThrownBy(() -> TestSettings.bind(ThroughputSettings.class, "budgets.big=1001"))
                .rootCause().hasMessageContaining("wabridge.egress.throughput.budgets.big");
        assertThatThrownBy(() -> TestSettings.bind(ThroughputSettings.class, "instance-share=0.0"))
                .rootCause().hasMessageContaining("wabridge.egress.throughput.instance-share");
    }

    @Test
    void leavesHeadroomSoJitterCannotPushAWindowOverTheBudget() {
        assertThat(ThroughputSettings.permitsPerSecond(1000, 0.03)).isEqualTo(969);
        assertThat(ThroughputSettings.permitsPerSecond(80, 0.03)).isEqualTo(76);
        assertThat(ThroughputSettings.permitsPerSecond(10, 0.03)).isEqualTo(8);
        assertThat(ThroughputSettings.permitsPerSecond(2, 0.03)).isEqualTo(1);
        // ≥ 95 % of the budget stays usable for the budgets Meta hands out.
        assertThat(ThroughputSettings.permitsPerSecond(1000, 0.03)).isGreaterThanOrEqualTo(950);
        assertThat(ThroughputSettings.permitsPerSecond(80, 0.03)).isGreaterThanOrEqualTo(76);
    }
}
