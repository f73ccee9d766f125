package io.wabridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

public class SandboxSettingsTest {

    /** The settings as Spring Boot binds them from {@code wabridge.sandbox.*} properties (relative names). */
    public static SandboxSettings bind(String... properties) {
        Map<String, String> source = new LinkedHashMap<>();
        for (String property : properties) {
            int equals = property.indexOf('=');
            source.put("wabridge.sandbox." + property.substring(0, equals), property.substring(equals + 1));
        }
        return new Binder(new MapConfigurationPropertySource(source)).bindOrCreate("wabridge.sandbox", SandboxSettings.class);
    }

    private static SandboxSettings defaults() {
        return bind();
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
        SandboxSettings settings = bind("ingress-url=http://ingress:8080/", "endpoint-id=shop");

        assertThat(settings.webhookUri()).isEqualTo(URI.create("http://ingress:8080/webhooks/whatsapp/shop"));
    }

    @Test
    void toStringHidesSecrets() {
        assertThat(defaults().toString()).doesNotContain("sandbox-app-secret", "sandbox-access-token").contains("appSecret=***");
    }
}
