package io.wabridge.sandbox.graph;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WaIdsTest {

    @Test
    void phoneNumbersBecomeDigitsOnly() {
        assertThat(WaIds.of("+1 (650) 555-1234")).isEqualTo("16505551234");
        assertThat(WaIds.of("491700000001")).isEqualTo("491700000001");
    }

    @Test
    void businessScopedUserIdsAreKept() {
        assertThat(WaIds.of("US.13491208655302741918")).isEqualTo("US.13491208655302741918");
    }
}
