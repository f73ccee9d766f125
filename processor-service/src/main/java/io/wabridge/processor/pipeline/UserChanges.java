package io.wabridge.processor.pipeline;

import io.wabridge.model.event.InboundEvent;
import io.wabridge.model.event.InboundKind;
import io.wabridge.model.settings.EndpointSettings;

/**
 * A user's edit ({@code type: edit}) or deletion ({@code type: revoke}) of an earlier message
 * ({@code docs/whatsapp.md}, "Payload shape"): its own wamid, so its redelivery is deduped
 * like any message, but never a new message of the user.
 */
final class UserChanges {

    static final String EDIT = "edit";
    static final String REVOKE = "revoke";

    private UserChanges() {
    }

    static boolean isChange(InboundEvent event) {
        return event.kind() == InboundKind.MESSAGE && (EDIT.equals(event.messageType()) || REVOKE.equals(event.messageType()));
    }

    /** True when the endpoint's {@code edits} / {@code revokes} setting drops this event. */
    static boolean ignored(InboundEvent event, EndpointSettings settings) {
        if (!isChange(event)) {
            return false;
        }
        EndpointSettings.UserChange handling = EDIT.equals(event.messageType()) ? settings.edits() : settings.revokes();
        return handling == EndpointSettings.UserChange.IGNORE;
    }
}
