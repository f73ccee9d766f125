package io.wabridge.processor;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ProcessorApplication {

    /** The defaults file ({@code processor.yml}); named per service so all services can share one JVM. */
    public static final String CONFIG_NAME = "processor";

    public static void main(String[] args) {
        builder().run(args);
    }

    /** The service as main() starts it; the local all-in-one runner starts it the same way. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(ProcessorApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }
}
