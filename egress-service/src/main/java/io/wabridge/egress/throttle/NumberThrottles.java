package io.wabridge.egress.throttle;

import io.wabridge.support.endpoint.Endpoint;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;

/** One {@link NumberThrottle} per sending phone number, created on first use. */
public class NumberThrottles {

    private final ThroughputSettings settings;
    private final ScheduledExecutorService scheduler;
    private final Map<String, NumberThrottle> byNumber = new ConcurrentHashMap<>();

    public NumberThrottles(ThroughputSettings settings, ScheduledExecutorService scheduler) {
        this.settings = settings;
        this.scheduler = scheduler;
    }

    public NumberThrottle of(Endpoint endpoint) {
        return byNumber.computeIfAbsent(endpoint.phoneNumberId(),
                number -> new NumberThrottle(number, settings.instanceBudget(endpoint.id()), settings, scheduler));
    }
}
