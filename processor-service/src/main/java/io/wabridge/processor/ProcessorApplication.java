package io.wabridge.processor;

import static io.wabridge.support.endpoint.EndpointRequirement.ACCESS_TOKEN;
import static io.wabridge.support.endpoint.EndpointRequirement.COGNIGY_URL;

import io.wabridge.processor.input.MediaUrlSettings;
import io.wabridge.support.endpoint.EndpointRequirements;
import io.wabridge.support.jvm.CommonPool;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ProcessorApplication {

    /** The defaults file ({@code processor.yml}); named per service so all services can share one JVM. */
    public static final String CONFIG_NAME = "processor";

    public static void main(String[] args) {
        // Before anything uses the common pool: every Cognigy call completes on it (see CommonPool).
        CommonPool.atLeastTwoThreads();
        builder().run(args);
    }

    /** Every endpoint talks to a Cognigy flow; looking up media URLs calls Graph with the endpoint's token. */
    @Bean
    EndpointRequirements processorEndpointRequirements(MediaUrlSettings media) {
        return media.fetchUrls() ? EndpointRequirements.of(COGNIGY_URL, ACCESS_TOKEN) : EndpointRequirements.of(COGNIGY_URL);
    }

    /** The service as main() starts it; the local all-in-one runner starts it the same way. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(ProcessorApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }
}
