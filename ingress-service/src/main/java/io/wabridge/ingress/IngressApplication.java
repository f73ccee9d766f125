package io.wabridge.ingress;

import static io.wabridge.support.endpoint.EndpointRequirement.VERIFY_TOKEN;

import io.wabridge.support.endpoint.EndpointRequirements;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
@ConfigurationPropertiesScan
public class IngressApplication {

    /** The defaults file ({@code ingress.yml}); named per service so all services can share one JVM. */
    public static final String CONFIG_NAME = "ingress";

    public static void main(String[] args) {
        builder().run(args);
    }

    /** Meta verifies every callback URL before it sends anything: an endpoint without a verify token can never work. */
    @Bean
    EndpointRequirements ingressEndpointRequirements() {
        return EndpointRequirements.of(VERIFY_TOKEN);
    }

    /** The service as main() starts it; the local all-in-one runner starts it the same way. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(IngressApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }
}
