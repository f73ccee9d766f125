package io.wabridge.bench.process;

/**
 * One child process's resource use over its life in a scenario.
 *
 * @param peakRssMb  peak resident set size ({@code VmHWM} in {@code /proc/<pid>/status}); 0 where unknown
 * @param cpuSeconds user + system CPU time
 * @param heap       the child's own heap figures; null when it did not report them
 */
public record ProcessStats(String name, long pid, double peakRssMb, double cpuSeconds, HeapStats heap) {
}
