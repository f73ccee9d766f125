package io.wabridge.egress;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class EgressApplication {

    public static void main(String[] args) {
        SpringApplication.run(EgressApplication.class, args);
    }
}
