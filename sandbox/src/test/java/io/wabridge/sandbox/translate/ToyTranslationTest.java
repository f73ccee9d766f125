package io.wabridge.sandbox.translate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ToyTranslationTest {

    @Test
    void detectsGermanAndTranslatesBothWaysDeterministically() {
        assertThat(ToyTranslation.detect("Hallo, wie geht es?")).isEqualTo("de");
        assertThat(ToyTranslation.detect("Show me the menu")).isEqualTo("en");
        assertThat(ToyTranslation.translate("danke", null, "EN")).isEqualTo("thanks");
        assertThat(ToyTranslation.translate("Options", "en", "DE")).isEqualTo("Optionen");
        assertThat(ToyTranslation.translate("Here is your order", "en", "DE")).isEqualTo("[de] Here is your order");
        assertThat(ToyTranslation.translate("[de] Here is your order", "de", "EN")).isEqualTo("Here is your order");
        assertThat(ToyTranslation.translate("same", "en", "EN-GB")).isEqualTo("same");
    }
}
