package io.wabridge.egress;

import static io.wabridge.support.endpoint.EndpointRequirement.ACCESS_TOKEN;

import io.wabridge.support.endpoint.EndpointRequirements;
import io.wabridge.support.jvm.CommonPool;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
@ConfigurationPropertiesScan
public class EgressApplication {

    /** The defaults file ({@code egress.yml}); named per service so all services can share one JVM. */
    public static final String CONFIG_NAME = "egress";

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

    /** The JDK's common pool sized to at least 2 threads ({@link CommonPool}): every Graph call completes on it. */
    public static void sizeCommonPool() {
        CommonPool.atLeastTwoThreads();
    }
}
