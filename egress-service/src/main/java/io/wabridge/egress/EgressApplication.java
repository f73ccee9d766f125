package io.wabridge.egress;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class EgressApplication {

    /** System property sizing the JDK's common pool; see {@link #main}. */
    static final String COMMON_POOL_PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";

    public static void main(String[] args) {
        // The JDK HttpClient completes every sendAsync future on CompletableFuture's default pool.
        // With fewer than 3 cores that "pool" starts a new thread per task, i.e. per Graph call.
        // A common pool of at least 2 threads makes it a real pool. Must run before anything uses it.
        if (System.getProperty(COMMON_POOL_PARALLELISM) == null) {
            System.setProperty(COMMON_POOL_PARALLELISM, Integer.toString(Math.max(2, Runtime.getRuntime().availableProcessors() - 1)));
        }
        SpringApplication.run(EgressApplication.class, args);
    }
}
