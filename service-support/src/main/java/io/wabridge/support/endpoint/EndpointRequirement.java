package io.wabridge.support.endpoint;

import io.wabridge.model.settings.EndpointSettings;
import io.wabridge.model.settings.Secret;
import java.util.function.Function;

/**
 * An endpoint setting without a default that a service cannot work without. A service declares
 * what it needs as an {@link EndpointRequirements} bean; {@link Endpoints} checks it for every
 * endpoint at start-up and names the missing property ({@code wabridge.endpoints.demo.verify-token must be set}).
 */
public enum EndpointRequirement {
    /** Every service: the routing key of webhooks and outbound records. */
    PHONE_NUMBER_ID("phone-number-id", EndpointSettings::phoneNumberId),
    /** Graph API calls: egress's sends, the processor's media URL lookups. */
    ACCESS_TOKEN("access-token", EndpointSettings::accessToken),
    /** Meta's webhook verification handshake (ingress): without it no callback URL can be registered. */
    VERIFY_TOKEN("verify-token", EndpointSettings::verifyToken),
    /** The Cognigy REST Endpoint the processor talks to. */
    COGNIGY_URL("cognigy.url", settings -> settings.cognigy().url());

    private final String property;
    private final Function<EndpointSettings, Object> value;

    EndpointRequirement(String property, Function<EndpointSettings, Object> value) {
        this.property = property;
        this.value = value;
    }

    /** The property under {@code wabridge.endpoints.<id>.}, e.g. {@code cognigy.url}. */
    public String property() {
        return property;
    }

    boolean isMetBy(EndpointSettings settings) {
        Object set = value.apply(settings);
        return !(set == null || (set instanceof String text && text.isBlank()) || (set instanceof Secret secret && secret.isBlank()));
    }
}
