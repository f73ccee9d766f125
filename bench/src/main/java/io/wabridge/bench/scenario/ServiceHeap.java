package io.wabridge.bench.scenario;

import io.wabridge.bench.process.HeapStats;
import io.wabridge.bench.process.ProcessStats;
import io.wabridge.bench.report.Figure;
import java.util.List;

/** Scenario 5's target as a figure: peak heap of a wabridge service. */
final class ServiceHeap {

    static final double TARGET_MB = 256;

    private ServiceHeap() {
    }

    /** "ingress peak heap" for the process called {@code service}, if it reported its heap. */
    static List<Figure> figure(List<ProcessStats> processes, String service) {
        return processes.stream()
                .filter(process -> process.name().equals(service) && process.heap() != null)
                .map(process -> {
                    HeapStats heap = process.heap();
                    return Figure.atMost(service + " peak heap", heap.peakUsedMb(), "MB", TARGET_MB,
                            "live after GC " + heap.maxAfterGcMb() + " MB, limit " + heap.maxMb() + " MB, peak RSS "
                                    + process.peakRssMb() + " MB, " + heap.gcCount() + " collections, longest "
                                    + heap.longestGcMillis() + " ms");
                })
                .toList();
    }
}
