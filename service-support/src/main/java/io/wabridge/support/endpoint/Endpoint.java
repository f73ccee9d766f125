package io.wabridge.support.endpoint;

import io.wabridge.model.settings.EndpointSettings;

/** A configured endpoint: its id (the {@code <id>} in {@code wabridge.endpoints.<id>}) and settings. */
public record Endpoint(String id, EndpointSettings settings) {

    public String phoneNumberId() {
        return settings.phoneNumberId();
    }

    /**
     * The id's hash: equal endpoints have equal ids, so this agrees with the record's
     * {@code equals}, and a set of endpoints (ingress collects one per webhook) no longer hashes
     * every nested setting on each request (4 % of ingress's CPU in a flight recording at 200/s).
     */
    @Override
    public int hashCode() {
        return id.hashCode();
    }
}
