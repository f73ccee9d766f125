package io.wabridge.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Busy CPU time of the whole machine ({@code /proc/stat}: user, nice, system, irq, softirq, steal),
 * so a run can say how much of the machine other work took while a scenario ran: the busy time
 * minus what the scenario's own processes and the harness used.
 */
public record MachineCpu(double busySeconds, long nanoTime) {

    /** Linux's USER_HZ: /proc/stat counts in hundredths of a second on every common platform. */
    private static final double TICKS_PER_SECOND = 100;

    public static MachineCpu now() {
        long when = System.nanoTime();
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int column : new int[] {1, 2, 3, 6, 7, 8}) {
                busy += Long.parseLong(fields[column]);
            }
            return new MachineCpu(busy / TICKS_PER_SECOND, when);
        } catch (IOException | RuntimeException e) {
            return new MachineCpu(Double.NaN, when);
        }
    }

    /**
     * Cores' worth of CPU that others used since {@code start}: machine busy time minus
     * {@code ownCpuSeconds}, over the elapsed time. NaN where unknown.
     */
    public double otherCoresSince(MachineCpu start, double ownCpuSeconds) {
        double elapsed = (nanoTime - start.nanoTime) / 1e9;
        if (elapsed <= 0 || Double.isNaN(busySeconds) || Double.isNaN(start.busySeconds)) {
            return Double.NaN;
        }
        double others = Math.max(0, busySeconds - start.busySeconds - ownCpuSeconds);
        return Math.round(others / elapsed * 100) / 100.0;
    }
}
