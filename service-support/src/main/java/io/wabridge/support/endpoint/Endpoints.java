package io.wabridge.support.endpoint;

import io.wabridge.model.settings.EndpointSettings;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The configured endpoints, looked up by id or by phone number id (how webhooks and outbound
 * records are routed). Checked at start-up: every endpoint needs a phone number id, and no two
 * endpoints may share one.
 */
public class Endpoints {

    private final Map<String, Endpoint> byId = new HashMap<>();
    private final Map<String, Endpoint> byPhoneNumberId = new HashMap<>();

    public Endpoints(EndpointsSettings settings) {
        settings.endpoints().forEach((id, endpointSettings) -> {
            EndpointSettings.require(id, "phone-number-id", endpointSettings.phoneNumberId());
            Endpoint endpoint = new Endpoint(id, endpointSettings);
            Endpoint clash = byPhoneNumberId.putIfAbsent(endpoint.phoneNumberId(), endpoint);
            if (clash != null) {
                throw new IllegalStateException("wabridge.endpoints." + id + ".phone-number-id "
                        + endpoint.phoneNumberId() + " is already used by endpoint " + clash.id());
            }
            byId.put(id, endpoint);
        });
    }

    public Optional<Endpoint> byId(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    public Optional<Endpoint> byPhoneNumberId(String phoneNumberId) {
        return Optional.ofNullable(phoneNumberId == null ? null : byPhoneNumberId.get(phoneNumberId));
    }

    public Collection<Endpoint> all() {
        return List.copyOf(byId.values());
    }

    /**
     * Lets a service check the settings it needs, failing start-up with the property's name:
     * {@code endpoints.requireEach((id, s) -> EndpointSettings.require(id, "access-token", s.accessToken()))}.
     */
    public void requireEach(BiConsumer<String, EndpointSettings> check) {
        byId.forEach((id, endpoint) -> check.accept(id, endpoint.settings()));
    }
}
