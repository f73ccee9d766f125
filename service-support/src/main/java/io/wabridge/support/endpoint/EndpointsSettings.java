package io.wabridge.support.endpoint;

import io.wabridge.model.settings.EndpointSettings;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code wabridge.endpoints.<id>.*}: any number of endpoints, each keyed by its id.
 *
 * @param endpoints the WhatsApp endpoints by id (the {@code {endpointId}} of their webhook URL); each one's
 *                  properties are {@code wabridge.endpoints.<id>.*}
 */
@ConfigurationProperties("wabridge")
public record EndpointsSettings(Map<String, EndpointSettings> endpoints) {

    public EndpointsSettings {
        endpoints = endpoints == null ? Map.of() : Map.copyOf(endpoints);
    }
}
