package io.wabridge.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormatTest {

    @Test
    void writesNumbersWithSeparatorsAndOnlyTheDecimalsTheyCarry() {
        assertThat(Format.number(12_345.6)).isEqualTo("12,346");
        assertThat(Format.number(1000)).isEqualTo("1,000");
        assertThat(Format.number(12.54)).isEqualTo("12.5");
        assertThat(Format.number(0.4)).isEqualTo("0.40");
        assertThat(Format.number(0.0046)).isEqualTo("0.0046");
        assertThat(Format.number(Double.NaN)).isEqualTo("-");
    }
}
