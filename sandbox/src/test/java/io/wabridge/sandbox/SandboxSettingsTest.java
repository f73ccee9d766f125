package io.wabridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SandboxSettingsTest {

    private static SandboxSettings defaults() {
        return new SandboxSettings(null, null, null, null, null, null, null, null, null, null, null);
    }

    @Test
    void defaultsMatchTheLocalRunnersDemoEndpoint() {
        SandboxSettings settings = defaults();

        assertThat(settings.webhookUri()).isEqualTo(URI.create("http://localhost:8080/webhooks/whatsapp/demo"));
        assertThat(settings.phoneNumberId()).isEqualTo("100000000000001");
        assertThat(settings.appSecret()).isEqualTo("sandbox-app-secret");
        assertThat(settings.accessToken()).isEqualTo("sandbox-access-token");
        assertThat(settings.statusDelays()).isEqualTo(new SandboxSettings.StatusDelays(
                Duration.ofMillis(100), Duration.ofMillis(300), Duration.ofMillis(1200)));
        assertThat(settings.botReplyDelay()).isZero();
        assertThat(settings.webhookAttempts()).isEqualTo(3);
    }

    @Test
    void webhookUriToleratesATrailingSlash() {
        SandboxSettings settings = new SandboxSettings(URI.create("http://ingress:8080/"), "shop",
                null, null, null, null, null, null, null, null, null);

        assertThat(settings.webhookUri()).isEqualTo(URI.create("http://ingress:8080/webhooks/whatsapp/shop"));
    }

    @Test
    void toStringHidesSecrets() {
        assertThat(defaults().toString()).doesNotContain("sandbox-app-secret", "sandbox-access-token").contains("appSecret=***");
    }
}
