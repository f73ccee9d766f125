package io.wabridge.egress.throttle;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Per-phone-number throughput ({@code wabridge.egress.throughput.*}).
 *
 * @param budget            messages per second a phone number may send, across all egress
 *                          instances (Meta's default for a number; at most 1000)
 * @param budgets           per endpoint id, overrides {@code budget} (e.g. {@code demo: 1000})
 * @param instanceShare     fraction of each budget this instance may use; by default (unset) the
 *                          share of {@code whatsapp.outbound} partitions it owns, so instances of one
 *                          group never exceed the budget together, however many there are; a fixed
 *                          value (e.g. {@code 0.5} each for two) when partitions carry very uneven traffic
 * @param throttledBackoff  first pause of the whole number after a 130429; doubles on each
 *                          further 130429 until a send is accepted
 * @param throttledMaxBackoff longest such pause
 * @param circuitOpenFor    how long a number stays blocked after a token or account error
 *                          (190, 368, 131031) before one probe send is let through
 * @param headroom          fraction of the budget left unused so that network jitter between
 *                          egress and Meta cannot squeeze more than the budget into any one-second
 *                          window as Meta sees it (0.03 tolerates about 30 ms of jitter)
 */
@ConfigurationProperties("wabridge.egress.throughput")
public record ThroughputSettings(
        @DefaultValue("80") Integer budget,
        Map<String, Integer> budgets,
        Double instanceShare,
        @DefaultValue("1s") Duration throttledBackoff,
        @DefaultValue("60s") Duration throttledMaxBackoff,
        @DefaultValue("60s") Duration circuitOpenFor,
        @DefaultValue("0.03") Double headroom) {

    public static final int MAX_BUDGET = 1000;

    public ThroughputSettings {
        budgets = budgets == null ? Map.of() : Map.copyOf(budgets);
        if (headroom < 0 || headroom >= 0.5) {
            throw new IllegalArgumentException("wabridge.egress.throughput.headroom must be in [0, 0.5) but was " + headroom);
        }
        if (instanceShare != null && (instanceShare <= 0 || instanceShare > 1)) {
            throw new IllegalArgumentException("wabridge.egress.throughput.instance-share must be in (0, 1] but was " + instanceShare);
        }
        double share = instanceShare == null ? 1.0 : instanceShare;
        checkBudget("wabridge.egress.throughput.budget", budget, share);
        for (Map.Entry<String, Integer> override : budgets.entrySet()) {
            checkBudget("wabridge.egress.throughput.budgets." + override.getKey(), override.getValue(), share);
        }
    }

    /** True when the share follows the partitions this instance owns (no fixed {@code instance-share}). */
    public boolean shareFollowsPartitions() {
        return instanceShare == null;
    }

    /** Messages per second this instance may send for the endpoint's number when it holds {@code share} of the budget. */
    public int instanceBudget(String endpointId, double share) {
        return instanceBudget(budgets.getOrDefault(endpointId, budget), share);
    }

    /**
     * Permits per second the rate limiter hands out for an instance budget {@code b}. Permits may
     * be taken anywhere inside their cycle, so a window of {@code 1 s + jitter} can touch
     * {@code ceil(rate × (1 s + jitter)) + 1} cycles; {@code rate = (b - 1) × (1 - headroom)} keeps
     * that at most {@code b} for a jitter up to about {@code headroom} seconds.
     */
    public static int permitsPerSecond(int instanceBudget, double headroom) {
        return Math.max(1, (int) Math.floor((instanceBudget - 1) * (1 - headroom)));
    }

    private static int instanceBudget(int budget, double share) {
        return (int) Math.floor(budget * share);
    }

    private static void checkBudget(String property, Integer value, double share) {
        if (value == null || value < 1 || value > MAX_BUDGET) {
            throw new IllegalArgumentException(property + " must be between 1 and " + MAX_BUDGET + " but was " + value);
        }
        if (instanceBudget(value, share) < 2) {
            throw new IllegalArgumentException(property + " times wabridge.egress.throughput.instance-share must be at least 2 msg/s but was "
                    + value + " x " + share);
        }
    }
}
