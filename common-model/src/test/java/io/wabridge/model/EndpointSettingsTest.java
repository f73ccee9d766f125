package io.wabridge.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.wabridge.model.settings.EndpointSettings;
import io.wabridge.model.settings.Secret;
import io.wabridge.model.settings.TestEndpointSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EndpointSettingsTest {

    private static EndpointSettings settings(Secret appSecret) {
        return TestEndpointSettings.number("106540352242922").appId("app").accessToken("EAAG-token").verifyToken("verify-me")
                .appSecret(appSecret).build();
    }

    @Test
    void appliesDocumentedDefaults() {
        EndpointSettings settings = settings(null);

        assertThat(settings.messageDelay()).isZero();
        assertThat(settings.session().expiration()).isEqualTo(Duration.ofMinutes(30));
        assertThat(settings.cognigy().timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.requiresSignature()).isFalse();
        assertThat(settings.markAsRead()).isFalse();
        assertThat(settings.delivery().ordering()).isEqualTo(EndpointSettings.OrderingMode.ACCEPTED);
        assertThat(settings.delivery().deliveredTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.dataProtection().maskLogging()).as("logs are masked unless asked").isTrue();
        assertThat(settings.dataProtection().sanitizeInput()).isFalse();
        assertThat(settings.dataProtection().transcript()).isEqualTo(EndpointSettings.TranscriptMode.OFF);
    }

    @Test
    void neverPrintsSecrets() {
        String printed = settings(new Secret("app-secret-value")).toString();

        assertThat(printed).doesNotContain("EAAG-token", "verify-me", "app-secret-value").contains("106540352242922");
    }

    @Test
    void comparesTokensExactly() {
        Secret token = new Secret("verify-me");

        assertThat(token.matches("verify-me")).isTrue();
        assertThat(token.matches("verify-m")).isFalse();
        assertThat(token.matches(null)).isFalse();
    }
}
