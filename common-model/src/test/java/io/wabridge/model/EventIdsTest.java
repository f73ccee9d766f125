package io.wabridge.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventIdsTest {

    @Test
    void sameInputSameId() {
        assertThat(EventIds.inboundMessage("pn", "wamid.1")).isEqualTo(EventIds.inboundMessage("pn", "wamid.1"));
        assertThat(EventIds.outbound("in-1", 2)).isEqualTo(EventIds.outbound("in-1", 2));
    }

    @Test
    void differentInputDifferentId() {
        assertThat(EventIds.inboundMessage("pn", "wamid.1")).isNotEqualTo(EventIds.inboundMessage("pn", "wamid.2"));
        assertThat(EventIds.outbound("in-1", 0)).isNotEqualTo(EventIds.outbound("in-1", 1));
        // Joining parts with a separator keeps ("a", "bc") and ("ab", "c") apart.
        assertThat(EventIds.inboundMessage("a", "bc")).isNotEqualTo(EventIds.inboundMessage("ab", "c"));
    }
}
