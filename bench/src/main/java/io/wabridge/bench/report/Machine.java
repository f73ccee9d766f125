package io.wabridge.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the figures come from. Absolute numbers only mean something next to these, and next to
 * the load average: other work on the machine takes CPU from the benchmark.
 *
 * @param loadAverage the 1, 5 and 15 minute load averages when read ({@code /proc/loadavg}); empty where unknown
 */
public record Machine(int cores, String cpu, long memoryMb, String os, String jdk, String jvm, List<Double> loadAverage) {

    public static Machine current() {
        Runtime runtime = Runtime.getRuntime();
        return new Machine(runtime.availableProcessors(), cpuModel(), readMemoryMb(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                System.getProperty("java.vendor") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("java.vm.name"), currentLoadAverage());
    }

    public static List<Double> currentLoadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return List.of(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]), Double.parseDouble(parts[2]));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static String cpuModel() {
        return procLine(Path.of("/proc/cpuinfo"), "model name", "unknown").replaceFirst("^model name\\s*:\\s*", "");
    }

    private static long readMemoryMb() {
        String line = procLine(Path.of("/proc/meminfo"), "MemTotal:", "MemTotal: 0 kB");
        return Long.parseLong(line.replaceAll("\\D+", "")) / 1024;
    }

    private static String procLine(Path file, String prefix, String fallback) {
        try (var lines = Files.lines(file)) {
            return lines.filter(line -> line.startsWith(prefix)).findFirst().orElse(fallback);
        } catch (IOException | RuntimeException e) {
            return fallback;
        }
    }
}
