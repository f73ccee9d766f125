package io.wabridge.processor.input;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.wabridge.model.settings.TestEndpointSettings;
import io.wabridge.processor.TestEvents;
import io.wabridge.support.endpoint.Endpoint;
import io.wabridge.support.endpoint.WhatsAppApiSettings;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Against a fake Graph API over real HTTP. */
class MediaUrlsTest {

    private static final WireMockServer graph = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    private static final Endpoint ENDPOINT = new Endpoint("demo", TestEndpointSettings.number(TestEvents.PHONE_NUMBER_ID).accessToken("token-1").build());

    @BeforeAll
    static void start() {
        graph.start();
    }

    @AfterAll
    static void stop() {
        graph.stop();
    }

    @Test
    void addsTheDownloadUrlOfAMediaMessage() {
        graph.stubFor(get("/v25.0/1003383421387256").withHeader("Authorization", equalTo("Bearer token-1"))
                .willReturn(okJson("{\"url\":\"https://lookaside.example/abc\",\"mime_type\":\"image/jpeg\",\"id\":\"1003383421387256\"}")));
        CognigyInput input = new InputMapper().map(TestEvents.sample("1", "image"));

        mediaUrls(true).addTo(input, ENDPOINT);

        assertThat(input.data().path("media").path("url").asText()).isEqualTo("https://lookaside.example/abc");
    }

    @Test
    void aFailedLookupLeavesTheInputWithoutAUrl() {
        graph.stubFor(get("/v25.0/1003383421387257").willReturn(aResponse().withStatus(500)));
        CognigyInput input = new InputMapper().map(TestEvents.sample("1", "video"));

        mediaUrls(true).addTo(input, ENDPOINT);

        assertThat(input.data().path("media").has("url")).isFalse();
        assertThat(input.data().path("media").path("id").asText()).isEqualTo("1003383421387257");
    }

    @Test
    void fetchesNothingUnlessEnabled() {
        CognigyInput input = new InputMapper().map(TestEvents.sample("1", "document"));

        mediaUrls(false).addTo(input, ENDPOINT);

        assertThat(input.data().path("media").has("url")).isFalse();
        graph.verify(0, getRequestedFor(urlEqualTo("/v25.0/1003383421387258")));
    }

    private static MediaUrls mediaUrls(boolean enabled) {
        return new MediaUrls(new MediaUrlSettings(enabled, Duration.ofSeconds(1)),
                new WhatsAppApiSettings(URI.create(graph.baseUrl()), "v25.0"));
    }
}
