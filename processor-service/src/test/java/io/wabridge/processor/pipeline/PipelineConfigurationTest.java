package io.wabridge.processor.pipeline;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wabridge.model.settings.EndpointSettings;
import io.wabridge.model.settings.TestEndpointSettings;
import io.wabridge.processor.cognigy.CognigyClientSettings;
import io.wabridge.support.endpoint.Endpoints;
import io.wabridge.support.endpoint.EndpointsSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

class PipelineConfigurationTest {

    @Test
    void refusesToStartWithoutACognigyUrlAndNamesTheProperty() {
        EndpointSettings noUrl = TestEndpointSettings.number("123").build();
        Endpoints endpoints = new Endpoints(new EndpointsSettings(Map.of("demo", noUrl)));

        assertThatThrownBy(() -> new PipelineConfiguration().cognigyClient(endpoints, CognigyClientSettings.defaults(), RestClient.builder()))
                .hasMessage("wabridge.endpoints.demo.cognigy.url must be set");
    }

    @Test
    void refusesANegativeSessionExpiration() {
        EndpointSettings negative = TestEndpointSettings.number("123").cognigyUrl("http://cognigy.invalid")
                .session(new EndpointSettings.Session(Duration.ofMinutes(-1))).build();
        Endpoints endpoints = new Endpoints(new EndpointsSettings(Map.of("demo", negative)));

        assertThatThrownBy(() -> new PipelineConfiguration().cognigyClient(endpoints, CognigyClientSettings.defaults(), RestClient.builder()))
                .hasMessage("wabridge.endpoints.demo.session.expiration must not be negative");
    }
}
