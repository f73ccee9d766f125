package io.wabridge.transformer;

/** The wabridge endpoint a hook runs for. */
public record Endpoint(String id, String phoneNumberId) {
}
