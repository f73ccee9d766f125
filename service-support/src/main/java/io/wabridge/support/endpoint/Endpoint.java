package io.wabridge.support.endpoint;

import io.wabridge.model.settings.EndpointSettings;

/** A configured endpoint: its id (the {@code <id>} in {@code wabridge.endpoints.<id>}) and settings. */
public record Endpoint(String id, EndpointSettings settings) {

    public String phoneNumberId() {
        return settings.phoneNumberId();
    }
}
