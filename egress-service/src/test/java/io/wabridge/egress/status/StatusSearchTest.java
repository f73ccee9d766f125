package io.wabridge.egress.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The byte filter that spares decoding every status while a search runs. */
class StatusSearchTest {

    @Test
    void findsTheOutboundIdAnywhereInTheValueAndNothingElse() {
        byte[] value = "{\"callbackData\":\"ob-42\",\"status\":\"sent\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(StatusSearch.contains(value, bytes("ob-42"))).isTrue();
        assertThat(StatusSearch.contains(value, bytes("ob-43"))).isFalse();
        assertThat(StatusSearch.contains(bytes("ob-4"), bytes("ob-42"))).isFalse();
        assertThat(StatusSearch.contains(bytes("xob-42"), bytes("ob-42"))).isTrue();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
