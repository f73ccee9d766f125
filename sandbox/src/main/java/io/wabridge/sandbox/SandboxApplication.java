package io.wabridge.sandbox;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The fake outside world: Graph API, demo Cognigy bot and chat page. For local runs and tests only. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SandboxApplication {

    /** The defaults file ({@code sandbox.yml}); named per module so the sandbox can share a JVM with the services. */
    public static final String CONFIG_NAME = "sandbox";

    public static void main(String[] args) {
        builder().run(args);
    }

    /** The sandbox as main() starts it; the local all-in-one runner starts it the same way. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(SandboxApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }
}
