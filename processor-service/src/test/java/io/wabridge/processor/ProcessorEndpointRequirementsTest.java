package io.wabridge.processor;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wabridge.model.settings.EndpointSettings;
import io.wabridge.model.settings.TestEndpointSettings;
import io.wabridge.processor.input.MediaUrlSettings;
import io.wabridge.support.endpoint.Endpoints;
import io.wabridge.support.endpoint.EndpointsSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessorEndpointRequirementsTest {

    private static final MediaUrlSettings NO_MEDIA_URLS = new MediaUrlSettings(false, Duration.ofSeconds(2));
    private static final MediaUrlSettings MEDIA_URLS = new MediaUrlSettings(true, Duration.ofSeconds(2));

    @Test
    void refusesToStartWithoutACognigyUrlAndNamesTheProperty() {
        EndpointSettings noUrl = TestEndpointSettings.number("123").build();

        assertThatThrownBy(() -> endpoints(noUrl, NO_MEDIA_URLS)).hasMessage("wabridge.endpoints.demo.cognigy.url must be set");
    }

    @Test
    void needsTheAccessTokenOnlyToLookUpMediaUrls() {
        EndpointSettings noToken = TestEndpointSettings.number("123").cognigyUrl("http://cognigy.invalid").build();

        assertThatCode(() -> endpoints(noToken, NO_MEDIA_URLS)).doesNotThrowAnyException();
        assertThatThrownBy(() -> endpoints(noToken, MEDIA_URLS)).hasMessage("wabridge.endpoints.demo.access-token must be set");
    }

    private static Endpoints endpoints(EndpointSettings settings, MediaUrlSettings media) {
        return new Endpoints(new EndpointsSettings(Map.of("demo", settings)),
                new ProcessorApplication().processorEndpointRequirements(media).required());
    }
}
