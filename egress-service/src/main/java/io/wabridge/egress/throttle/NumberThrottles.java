package io.wabridge.egress.throttle;

import io.wabridge.support.endpoint.Endpoint;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@link NumberThrottle} per sending phone number, created on first use, each with this
 * instance's share of its number's budget. Unless {@code instance-share} is fixed, the share is the
 * fraction of outbound partitions this instance owns: the owners of all partitions then add up to
 * the whole budget at most, and a rebalance moves budget with the partitions.
 */
public class NumberThrottles {

    private static final Logger log = LoggerFactory.getLogger(NumberThrottles.class);

    private final ThroughputSettings settings;
    private final ScheduledExecutorService scheduler;
    private final Map<String, Owned> byNumber = new ConcurrentHashMap<>();
    private volatile double share;

    private record Owned(String endpointId, NumberThrottle throttle) {
    }

    public NumberThrottles(ThroughputSettings settings, ScheduledExecutorService scheduler) {
        this.settings = settings;
        this.scheduler = scheduler;
        this.share = settings.shareFollowsPartitions() ? 1.0 : settings.instanceShare();
    }

    public NumberThrottle of(Endpoint endpoint) {
        return byNumber.computeIfAbsent(endpoint.phoneNumberId(), number -> new Owned(endpoint.id(),
                new NumberThrottle(number, settings.instanceBudget(endpoint.id(), share), settings, scheduler))).throttle();
    }

    /** Called with the partitions this instance owns after every assignment, revocation or loss. */
    public void ownedPartitions(int owned, int total) {
        if (!settings.shareFollowsPartitions() || total <= 0) {
            return;
        }
        double newShare = Math.min(1.0, (double) owned / total);
        if (newShare == share) {
            return;
        }
        share = newShare;
        log.info("owning {} of {} outbound partitions: this instance sends at {} of each number's budget", owned, total,
                String.format("%.3f", newShare));
        byNumber.values().forEach(number -> number.throttle().rebudget(settings.instanceBudget(number.endpointId(), newShare)));
    }

    /** This instance's current share of every number's budget. */
    public double share() {
        return share;
    }
}
