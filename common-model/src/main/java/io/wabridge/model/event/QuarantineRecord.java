package io.wabridge.model.event;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A signed (authentic) webhook body wabridge could not use, kept verbatim on
 * {@code whatsapp.quarantine} so nothing Meta sent is lost. Meta would retry it for 7 days
 * and a retry cannot fix it, so ingress answers 200 after writing this.
 *
 * @param reason  why it was quarantined, for a human
 * @param headers the request headers that matter for re-processing (signature, content type)
 * @param body    the raw request bytes (base64 on the wire)
 */
public record QuarantineRecord(
        int schemaVersion,
        String eventId,
        String endpointId,
        String phoneNumberId,
        String reason,
        Instant receivedAt,
        Map<String, String> headers,
        byte[] body) {

    public static final int SCHEMA_VERSION = 1;

    public QuarantineRecord {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(reason, "reason");
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        body = body == null ? new byte[0] : body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }
}
