package io.wabridge.egress.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import io.wabridge.model.Json;
import io.wabridge.model.settings.EndpointSettings;
import io.wabridge.support.endpoint.Endpoint;
import io.wabridge.support.settings.TestSettings;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NumberThrottlesTest {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final Endpoint small = endpoint("small", "1001");
    private final Endpoint big = endpoint("big", "1002");

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void byDefaultTheShareFollowsThePartitionsOwned() {
        NumberThrottles throttles = new NumberThrottles(TestSettings.bind(ThroughputSettings.class, "budgets.big=1000"), scheduler);
        NumberThrottle smallNumber = throttles.of(small);
        assertThat(smallNumber.instanceBudget()).as("alone until told otherwise").isEqualTo(80);

        throttles.ownedPartitions(6, 12);
        NumberThrottle bigNumber = throttles.of(big);
        assertThat(throttles.share()).isEqualTo(0.5);
        assertThat(smallNumber.instanceBudget()).as("an existing throttle is re-rated").isEqualTo(40);
        assertThat(bigNumber.instanceBudget()).as("a new throttle starts at the current share").isEqualTo(500);

        throttles.ownedPartitions(12, 12);
        assertThat(smallNumber.instanceBudget()).isEqualTo(80);
        throttles.ownedPartitions(0, 12);
        assertThat(smallNumber.instanceBudget()).isZero();
        assertThat(throttles.of(small)).isSameAs(smallNumber);
    }

    @Test
    void aFixedShareIgnoresThePartitions() {
        NumberThrottles throttles = new NumberThrottles(TestSettings.bind(ThroughputSettings.class, "instance-share=0.25"), scheduler);
        throttles.ownedPartitions(12, 12);

        assertThat(throttles.of(small).instanceBudget()).isEqualTo(20);
        assertThat(throttles.share()).isEqualTo(0.25);
    }

    /** Built from the shape the properties bind from, so it does not depend on the record's arity. */
    private static Endpoint endpoint(String id, String phoneNumberId) {
        return new Endpoint(id, Json.mapper().convertValue(Map.of("phoneNumberId", phoneNumberId), EndpointSettings.class));
    }
}
