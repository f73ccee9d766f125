package io.wabridge.support.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.wabridge.model.privacy.Masking;
import io.wabridge.model.settings.EndpointSettings;
import io.wabridge.model.settings.TestEndpointSettings;
import io.wabridge.support.endpoint.Endpoint;
import io.wabridge.support.endpoint.Endpoints;
import io.wabridge.support.endpoint.EndpointsSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogMaskingTest {

    private static final String KEY = "1001:4915550001234";

    @Test
    void masksByDefaultAndWhenTheEndpointIsUnknown() {
        Endpoints endpoints = endpoints(null);

        assertThat(LogMasking.of(endpoints.byId("demo"))).isEqualTo(Masking.ON);
        assertThat(LogMasking.of((Endpoint) null)).isEqualTo(Masking.ON);
        assertThat(LogMasking.forKey(endpoints, "9999:4915550001234")).isEqualTo(Masking.ON);
        assertThat(LogMasking.forKey(endpoints, "no-key")).isEqualTo(Masking.ON);
        assertThat(LogMasking.forKey(endpoints, null)).isEqualTo(Masking.ON);
    }

    @Test
    void followsTheEndpointOfTheKeysNumberWhenMaskingIsOff() {
        Endpoints endpoints = endpoints(false);

        assertThat(LogMasking.forKey(endpoints, KEY)).isEqualTo(Masking.OFF);
        assertThat(LogMasking.forKey(endpoints, "9999:4915550001234")).isEqualTo(Masking.ON);
    }

    @Test
    void maskedThrowableKeepsClassesAndStackButNoMessage() {
        IllegalStateException cause = new IllegalStateException("bad text 'my secret' from 4915550001234",
                new IllegalArgumentException("4915550001234"));

        Throwable masked = LogMasking.throwable(Masking.ON, cause);

        assertThat(masked.getMessage()).isEqualTo("java.lang.IllegalStateException (message masked)");
        assertThat(masked.getStackTrace()).isEqualTo(cause.getStackTrace());
        assertThat(masked.getCause().getMessage()).isEqualTo("java.lang.IllegalArgumentException (message masked)");
        assertThat(LogMasking.throwable(Masking.OFF, cause)).isSameAs(cause);
        assertThat(LogMasking.message(Masking.ON, cause)).isEqualTo("IllegalStateException (message masked)");
        assertThat(LogMasking.message(Masking.OFF, cause)).contains("4915550001234");
    }

    @Test
    void scrubsTheUserIdOutOfAForeignMessage() {
        assertThat(LogMasking.scrubUser(Masking.ON, "Recipient 4915550001234 is not on WhatsApp", KEY))
                .isEqualTo("Recipient 491*******234 is not on WhatsApp");
        assertThat(LogMasking.scrubUser(Masking.OFF, "Recipient 4915550001234", KEY)).isEqualTo("Recipient 4915550001234");
        assertThat(LogMasking.scrubUser(Masking.ON, null, KEY)).isNull();
    }

    private static Endpoints endpoints(Boolean maskLogging) {
        EndpointSettings settings = TestEndpointSettings.number("1001")
                .dataProtection(new EndpointSettings.DataProtection(maskLogging, null, null)).build();
        return new Endpoints(new EndpointsSettings(Map.of("demo", settings)));
    }
}
