package io.wabridge.processor.translate;

import static org.assertj.core.api.Assertions.assertThat;

import io.wabridge.processor.translate.Markers.Part;
import org.junit.jupiter.api.Test;

class MarkersTest {

    @Test
    void markedSpansAreKeptAndUnmarked() {
        assertThat(Markers.parse("Your code is **AB-12**, valid **today**.", "**")).containsExactly(
                new Part("Your code is ", true), new Part("AB-12", false), new Part(", valid ", true),
                new Part("today", false), new Part(".", true));
        assertThat(Markers.remove("Call **ACME** now", "**")).isEqualTo("Call ACME now");
    }

    @Test
    void anUnclosedMarkerIsOrdinaryTextAndOtherMarkersWork() {
        assertThat(Markers.parse("2 ** 3", "**")).containsExactly(new Part("2 ** 3", true));
        assertThat(Markers.remove("keep ##this## as is", "##")).isEqualTo("keep this as is");
        assertThat(Markers.parse("**all**", "**")).containsExactly(new Part("all", false));
    }
}
