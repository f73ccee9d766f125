package io.wabridge.support.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wabridge.model.settings.EndpointSettings;
import io.wabridge.model.settings.Secret;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class EndpointsTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(EndpointsConfiguration.class));

    @Test
    void bindsEndpointsFromPropertiesWithDefaults() {
        context.withPropertyValues(
                        "wabridge.endpoints.demo.phone-number-id=106540352242922",
                        "wabridge.endpoints.demo.access-token=EAAG",
                        "wabridge.endpoints.demo.message-delay=1500ms",
                        "wabridge.endpoints.demo.delivery.ordering=delivered",
                        "wabridge.endpoints.demo.cognigy.url=https://endpoint/abc",
                        "wabridge.whatsapp.graph-url=http://localhost:9999/")
                .run(ctx -> {
                    Endpoint demo = ctx.getBean(Endpoints.class).byPhoneNumberId("106540352242922").orElseThrow();
                    assertThat(demo.id()).isEqualTo("demo");
                    assertThat(demo.settings().accessToken().reveal()).isEqualTo("EAAG");
                    assertThat(demo.settings().messageDelay()).isEqualTo(Duration.ofMillis(1500));
                    assertThat(demo.settings().delivery().ordering()).isEqualTo(EndpointSettings.OrderingMode.DELIVERED);
                    assertThat(demo.settings().session().expiration()).isEqualTo(Duration.ofMinutes(30));
                    assertThat(demo.settings().cognigy().url().reveal()).isEqualTo("https://endpoint/abc");
                    assertThat(ctx.getBean(WhatsAppApiSettings.class).messagesUri("106540352242922"))
                            .hasToString("http://localhost:9999/v25.0/106540352242922/messages");
                });
    }

    @Test
    void refusesTwoEndpointsOnOnePhoneNumber() {
        EndpointSettings a = settings("111");
        assertThatThrownBy(() -> new Endpoints(new EndpointsSettings(Map.of("a", a, "b", settings("111")))))
                .hasMessageContaining("phone-number-id 111 is already used");
    }

    @Test
    void namesTheMissingProperty() {
        assertThatThrownBy(() -> new Endpoints(new EndpointsSettings(Map.of("demo", settings(null)))))
                .hasMessage("wabridge.endpoints.demo.phone-number-id must be set");
    }

    private static EndpointSettings settings(String phoneNumberId) {
        return new EndpointSettings(null, new Secret("t"), phoneNumberId, null, null, null, null, null, null, null, null, null);
    }
}
