package io.wabridge.support.jvm;

/**
 * Sizes the JDK's common pool before anything uses it. The JDK HttpClient completes every
 * {@code sendAsync} future on CompletableFuture's default pool, and with fewer than 3 cores that
 * "pool" starts a new thread per task, i.e. per HTTP call (Spring's {@code JdkClientHttpRequest}
 * calls {@code sendAsync} too). A common pool of at least 2 threads makes it a real pool.
 */
public final class CommonPool {

    /** System property sizing the JDK's common pool. */
    public static final String PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";

    private CommonPool() {
    }

    /**
     * At least 2 threads unless the property is given. Must run before anything in the JVM uses
     * the common pool, so a service's main (and a launcher that hosts services) calls it first thing.
     */
    public static void atLeastTwoThreads() {
        if (System.getProperty(PARALLELISM) == null) {
            System.setProperty(PARALLELISM, Integer.toString(Math.max(2, Runtime.getRuntime().availableProcessors() - 1)));
        }
    }
}
