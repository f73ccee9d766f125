package io.wabridge.support.endpoint;

import java.util.EnumSet;
import java.util.Set;

/**
 * What one service needs set on every endpoint, declared as a bean next to the code that needs it
 * ({@code @Bean EndpointRequirements ingressEndpoints() { return EndpointRequirements.of(VERIFY_TOKEN); }}).
 * Every declared requirement is checked when {@link Endpoints} is built.
 */
public record EndpointRequirements(Set<EndpointRequirement> required) {

    public EndpointRequirements {
        required = Set.copyOf(required);
    }

    public static EndpointRequirements of(EndpointRequirement... required) {
        Set<EndpointRequirement> set = EnumSet.noneOf(EndpointRequirement.class);
        set.addAll(Set.of(required));
        return new EndpointRequirements(set);
    }
}
