package io.wabridge.support.endpoint;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** Binds and checks the endpoints and Graph API settings for every service. */
@AutoConfiguration
@EnableConfigurationProperties({EndpointsSettings.class, WhatsAppApiSettings.class})
public class EndpointsConfiguration {

    @Bean
    Endpoints endpoints(EndpointsSettings settings) {
        return new Endpoints(settings);
    }
}
