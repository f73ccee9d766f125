package io.wabridge.egress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wabridge.egress.status.StatusListener;
import io.wabridge.model.settings.EndpointSettings;
import io.wabridge.model.settings.TestEndpointSettings;
import io.wabridge.support.endpoint.EndpointRequirement;
import io.wabridge.support.endpoint.Endpoints;
import io.wabridge.support.endpoint.EndpointsSettings;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EgressConfigurationTest {

    @Test
    void startUpFailsNamingTheMissingAccessToken() {
        EndpointSettings noToken = TestEndpointSettings.number("1001").build();

        assertThatThrownBy(() -> new Endpoints(new EndpointsSettings(Map.of("demo", noToken)), egressRequirements()))
                .hasMessage("wabridge.endpoints.demo.access-token must be set");
    }

    @Test
    void aCompleteEndpointStarts() {
        EndpointSettings complete = TestEndpointSettings.number("1001").accessToken("t").build();

        assertThatCode(() -> new Endpoints(new EndpointsSettings(Map.of("demo", complete)), egressRequirements()))
                .doesNotThrowAnyException();
    }

    @Test
    void statusWebhooksAreReadOnlyWhenAnEndpointOrdersByDelivery() {
        EndpointSettings accepted = TestEndpointSettings.number("1001").accessToken("t").build();
        EndpointSettings delivered = TestEndpointSettings.number("1002").accessToken("t")
                .delivery(new EndpointSettings.Delivery(EndpointSettings.OrderingMode.DELIVERED, null, null)).build();

        assertThat(StatusListener.needed(endpoints(accepted))).isFalse();
        assertThat(StatusListener.needed(new Endpoints(new EndpointsSettings(Map.of("a", accepted, "d", delivered))))).isTrue();
    }

    private static Set<EndpointRequirement> egressRequirements() {
        return new EgressApplication().egressEndpointRequirements().required();
    }

    private static Endpoints endpoints(EndpointSettings settings) {
        return new Endpoints(new EndpointsSettings(Map.of("demo", settings)));
    }
}
