package io.wabridge.bench.process;

/**
 * What a child process reports about its own heap when it stops.
 *
 * @param peakUsedMb      the most heap in use at any moment seen: sampled every 20 ms and taken
 *                        just before every garbage collection (where the peaks are)
 * @param maxAfterGcMb    the most heap still in use right after a collection: the live set
 * @param maxMb           the heap limit ({@code -Xmx})
 * @param gcCount         collections
 * @param gcMillis        time spent in them
 * @param longestGcMillis the longest single collection (for G1's young and full collections: a pause)
 */
public record HeapStats(double peakUsedMb, double maxAfterGcMb, double maxMb, long gcCount, long gcMillis, long longestGcMillis) {
}
