package io.wabridge.egress;

import static io.wabridge.support.endpoint.EndpointRequirement.ACCESS_TOKEN;

import io.wabridge.support.endpoint.EndpointRequirements;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
@ConfigurationPropertiesScan
public class EgressApplication {

    /** The defaults file ({@code egress.yml}); named per service so all services can share one JVM. */
    public static final String CONFIG_NAME = "egress";

    /** System property sizing the JDK's common pool; see {@link #sizeCommonPool()}. */
    static final String COMMON_POOL_PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";

    public static void main(String[] args) {
        sizeCommonPool();
        builder().run(args);
    }

    /** Every send is a Graph call with the endpoint's access token. */
    @Bean
    EndpointRequirements egressEndpointRequirements() {
        return EndpointRequirements.of(ACCESS_TOKEN);
    }

    /** The service as main() starts it; the local all-in-one runner starts it the same way. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(EgressApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }

    /**
     * The JDK HttpClient completes every sendAsync future on CompletableFuture's default pool.
     * With fewer than 3 cores that "pool" starts a new thread per task, i.e. per Graph call.
     * A common pool of at least 2 threads makes it a real pool. Must run before anything in the
     * JVM uses the common pool, so a launcher that hosts egress calls it first thing.
     */
    public static void sizeCommonPool() {
        if (System.getProperty(COMMON_POOL_PARALLELISM) == null) {
            System.setProperty(COMMON_POOL_PARALLELISM, Integer.toString(Math.max(2, Runtime.getRuntime().availableProcessors() - 1)));
        }
    }
}
