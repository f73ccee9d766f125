package io.wabridge.support.endpoint;

import java.util.EnumSet;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** Binds the endpoints and Graph API settings for every service, and checks the endpoints against what the service requires. */
@AutoConfiguration
@EnableConfigurationProperties({EndpointsSettings.class, WhatsAppApiSettings.class})
public class EndpointsConfiguration {

    @Bean
    Endpoints endpoints(EndpointsSettings settings, ObjectProvider<EndpointRequirements> requirements) {
        Set<EndpointRequirement> required = EnumSet.noneOf(EndpointRequirement.class);
        requirements.forEach(declared -> required.addAll(declared.required()));
        return new Endpoints(settings, required);
    }
}
