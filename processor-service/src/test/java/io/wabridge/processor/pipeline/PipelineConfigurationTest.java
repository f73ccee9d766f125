package io.wabridge.processor.pipeline;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wabridge.model.settings.EndpointSettings;
import io.wabridge.model.settings.Secret;
import java.time.Duration;
import io.wabridge.processor.cognigy.CognigyClientSettings;
import io.wabridge.support.endpoint.Endpoints;
import io.wabridge.support.endpoint.EndpointsSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PipelineConfigurationTest {

    @Test
    void refusesToStartWithoutACognigyUrlAndNamesTheProperty() {
        EndpointSettings noUrl = new EndpointSettings(null, null, "123", null, null, null, null, null, null, null, null, null);
        Endpoints endpoints = new Endpoints(new EndpointsSettings(Map.of("demo", noUrl)));

        assertThatThrownBy(() -> new PipelineConfiguration().cognigyClient(endpoints, CognigyClientSettings.defaults()))
                .hasMessage("wabridge.endpoints.demo.cognigy.url must be set");
    }

    @Test
    void refusesANegativeSessionExpiration() {
        EndpointSettings negative = new EndpointSettings(null, null, "123", null, null, null, null,
                new EndpointSettings.Cognigy(new Secret("http://cognigy.invalid"), null, null),
                new EndpointSettings.Session(Duration.ofMinutes(-1)), null, null, null);
        Endpoints endpoints = new Endpoints(new EndpointsSettings(Map.of("demo", negative)));

        assertThatThrownBy(() -> new PipelineConfiguration().cognigyClient(endpoints, CognigyClientSettings.defaults()))
                .hasMessage("wabridge.endpoints.demo.session.expiration must not be negative");
    }
}
