package io.wabridge.model.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;

/**
 * A webhook change that is not a message or status ({@code account_update},
 * {@code message_template_status_update}, a {@code messages} change carrying only
 * {@code errors[]}, …), on {@code whatsapp.changes}: kept for whoever needs it, never dropped.
 *
 * @param wabaId the webhook {@code entry[].id}
 * @param field  the change's {@code field}
 * @param value  the change's {@code value}, verbatim
 */
public record ChangeEvent(
        int schemaVersion,
        String eventId,
        String endpointId,
        String wabaId,
        String field,
        JsonNode value,
        Instant receivedAt) {

    public static final int SCHEMA_VERSION = 1;

    public ChangeEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(field, "field");
    }
}
