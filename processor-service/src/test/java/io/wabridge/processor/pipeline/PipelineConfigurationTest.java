package io.wabridge.processor.pipeline;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wabridge.model.settings.EndpointSettings;
import io.wabridge.processor.cognigy.CognigyClientSettings;
import io.wabridge.support.endpoint.Endpoints;
import io.wabridge.support.endpoint.EndpointsSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PipelineConfigurationTest {

    @Test
    void refusesToStartWithoutACognigyUrlAndNamesTheProperty() {
        EndpointSettings noUrl = new EndpointSettings(null, null, "123", null, null, null, null, null, null, null);
        Endpoints endpoints = new Endpoints(new EndpointsSettings(Map.of("demo", noUrl)));

        assertThatThrownBy(() -> new PipelineConfiguration().cognigyClient(endpoints, CognigyClientSettings.defaults()))
                .hasMessage("wabridge.endpoints.demo.cognigy.url must be set");
    }
}
