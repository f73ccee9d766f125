package io.wabridge.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MachineCpuTest {

    @Test
    void countsTheBusyTimeThatWasNotOursAsCoresOverTheElapsedTime() {
        MachineCpu start = new MachineCpu(10, 0);
        MachineCpu end = new MachineCpu(14, 2_000_000_000L);

        assertThat(end.otherCoresSince(start, 1)).isEqualTo(1.5);
        assertThat(end.otherCoresSince(start, 5)).isZero();
    }

    @Test
    void isUnknownWhereTheMachineDoesNotSay() {
        assertThat(new MachineCpu(Double.NaN, 1_000).otherCoresSince(new MachineCpu(1, 0), 0)).isNaN();
    }

    @Test
    void readsThisMachine() {
        assumeThat(Path.of("/proc/stat")).exists();
        assertThat(MachineCpu.now().busySeconds()).isPositive();
    }
}
