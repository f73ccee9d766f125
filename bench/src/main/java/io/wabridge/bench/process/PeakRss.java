package io.wabridge.bench.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Peak resident set size of a live process, from Linux's {@code /proc/<pid>/status} ({@code VmHWM}). */
final class PeakRss {

    private PeakRss() {
    }

    /** In MB; 0 when unknown (not Linux, or the process is gone). */
    static double ofPid(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    long kb = Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
                    return Math.round(kb / 102.4) / 10.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }
}
