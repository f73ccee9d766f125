package io.wabridge.egress;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wabridge.model.settings.EndpointSettings;
import io.wabridge.model.settings.TestEndpointSettings;
import io.wabridge.support.endpoint.Endpoints;
import io.wabridge.support.endpoint.EndpointsSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EgressConfigurationTest {

    @Test
    void startUpFailsNamingTheMissingAccessToken() {
        Endpoints endpoints = endpoints(TestEndpointSettings.number("1001").build());

        assertThatThrownBy(() -> new EgressConfiguration(endpoints))
                .hasMessage("wabridge.endpoints.demo.access-token must be set");
    }

    @Test
    void startUpFailsOnANonPositiveDeliveredTimeout() {
        Endpoints endpoints = endpoints(TestEndpointSettings.number("1001").accessToken("t")
                .delivery(new EndpointSettings.Delivery(EndpointSettings.OrderingMode.DELIVERED, Duration.ZERO, null)).build());

        assertThatThrownBy(() -> new EgressConfiguration(endpoints))
                .hasMessageContaining("wabridge.endpoints.demo.delivery.delivered-timeout");
    }

    @Test
    void aCompleteEndpointStarts() {
        Endpoints endpoints = endpoints(TestEndpointSettings.number("1001").accessToken("t").build());

        assertThatCode(() -> new EgressConfiguration(endpoints)).doesNotThrowAnyException();
    }

    private static Endpoints endpoints(EndpointSettings settings) {
        return new Endpoints(new EndpointsSettings(Map.of("demo", settings)));
    }
}
