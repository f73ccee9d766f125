package io.wabridge.egress;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wabridge.model.settings.EndpointSettings;
import io.wabridge.model.settings.Secret;
import io.wabridge.support.endpoint.Endpoints;
import io.wabridge.support.endpoint.EndpointsSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EgressConfigurationTest {

    @Test
    void startUpFailsNamingTheMissingAccessToken() {
        Endpoints endpoints = endpoints(new EndpointSettings(null, null, "1001", null, null, null, null, null, null, null, null, null));

        assertThatThrownBy(() -> new EgressConfiguration(endpoints))
                .hasMessage("wabridge.endpoints.demo.access-token must be set");
    }

    @Test
    void startUpFailsOnANonPositiveDeliveredTimeout() {
        Endpoints endpoints = endpoints(new EndpointSettings(null, new Secret("t"), "1001", null, null, null, null, null, null,
                new EndpointSettings.Delivery(EndpointSettings.OrderingMode.DELIVERED, Duration.ZERO, null), null, null));

        assertThatThrownBy(() -> new EgressConfiguration(endpoints))
                .hasMessageContaining("wabridge.endpoints.demo.delivery.delivered-timeout");
    }

    @Test
    void aCompleteEndpointStarts() {
        Endpoints endpoints = endpoints(new EndpointSettings(null, new Secret("t"), "1001", null, null, null, null, null, null, null, null, null));

        assertThatCode(() -> new EgressConfiguration(endpoints)).doesNotThrowAnyException();
    }

    private static Endpoints endpoints(EndpointSettings settings) {
        return new Endpoints(new EndpointsSettings(Map.of("demo", settings)));
    }
}
