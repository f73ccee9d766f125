package io.wabridge.bench.process;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Tracks this JVM's peak heap use: a sampler every 20 ms, and every collection's "before" figure
 * (heap use peaks right before a collection, which a sampler would mostly miss).
 */
final class HeapWatcher {

    private static final double MB = 1024.0 * 1024.0;

    /** Looked up once: {@code ManagementFactory.getMemoryMXBean()} searches the platform beans with streams on every call. */
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final AtomicLong peakUsed = new AtomicLong();
    private final AtomicLong maxAfterGc = new AtomicLong();
    private final AtomicLong longestGc = new AtomicLong();
    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP)
            .map(MemoryPoolMXBean::getName)
            .collect(Collectors.toSet());

    static HeapWatcher start() {
        HeapWatcher watcher = new HeapWatcher();
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener((notification, handback) -> watcher.onGc(notification), null, null);
            }
        }
        Thread sampler = new Thread(watcher::sample, "heap-watcher");
        sampler.setDaemon(true);
        sampler.start();
        return watcher;
    }

    private void sample() {
        while (true) {
            peakUsed.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void onGc(Notification notification) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        peakUsed.accumulateAndGet(heapUsed(info.getGcInfo().getMemoryUsageBeforeGc()), Math::max);
        maxAfterGc.accumulateAndGet(heapUsed(info.getGcInfo().getMemoryUsageAfterGc()), Math::max);
        longestGc.accumulateAndGet(info.getGcInfo().getDuration(), Math::max);
    }

    private long heapUsed(Map<String, MemoryUsage> byPool) {
        return byPool.entrySet().stream()
                .filter(entry -> heapPools.contains(entry.getKey()))
                .mapToLong(entry -> entry.getValue().getUsed())
                .sum();
    }

    HeapStats stats() {
        long count = 0;
        long millis = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, collector.getCollectionCount());
            millis += Math.max(0, collector.getCollectionTime());
        }
        long current = memory.getHeapMemoryUsage().getUsed();
        return new HeapStats(round(Math.max(peakUsed.get(), current) / MB), round(maxAfterGc.get() / MB),
                round(memory.getHeapMemoryUsage().getMax() / MB), count, millis, longestGc.get());
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
