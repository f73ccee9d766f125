package io.wabridge.support.endpoint;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The configured endpoints, looked up by id or by phone number id (how webhooks and outbound
 * records are routed). Checked at start-up ({@link EndpointChecks}): every endpoint has what the
 * service requires and values it can use, and no two endpoints share a phone number id.
 */
public class Endpoints {

    private final Map<String, Endpoint> byId = new HashMap<>();
    private final Map<String, Endpoint> byPhoneNumberId = new HashMap<>();

    /** Endpoints that only need a phone number id (tests, tools). */
    public Endpoints(EndpointsSettings settings) {
        this(settings, Set.of());
    }

    public Endpoints(EndpointsSettings settings, Set<EndpointRequirement> required) {
        settings.endpoints().forEach((id, endpointSettings) -> {
            EndpointChecks.check(id, endpointSettings, required);
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
}
