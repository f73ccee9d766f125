package io.wabridge.egress.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wabridge.model.Json;
import io.wabridge.model.UserIds;
import io.wabridge.model.event.OutboundMessage;
import java.util.Set;

/** The JSON body of a {@code /messages} call for each kind of outbound record. */
final class GraphRequests {

    /** Fields of a message body that wabridge sets itself: the flow's own values are dropped. */
    private static final Set<String> ADDRESSING = Set.of("to", "recipient", "messaging_product");

    private GraphRequests() {
    }

    static ObjectNode body(OutboundMessage outbound) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("messaging_product", "whatsapp");
        switch (outbound.kind()) {
            case MESSAGE -> {
                body.put("recipient_type", "individual");
                // A phone number goes in "to"; a business-scoped user id (a username user whose number
                // Meta withholds) only works in "recipient" (docs/whatsapp.md, "Identity").
                body.put(UserIds.isBusinessScoped(outbound.recipient()) ? "recipient" : "to", outbound.recipient());
                JsonNode message = outbound.message();
                if (message != null && message.isObject()) {
                    for (var field : message.properties()) {
                        if (!ADDRESSING.contains(field.getKey())) {
                            body.set(field.getKey(), field.getValue());
                        }
                    }
                }
                // Meta echoes this in every status webhook: how statuses find their outbound id.
                body.put("biz_opaque_callback_data", outbound.outboundId());
            }
            case MARK_READ -> {
                body.put("status", "read");
                body.put("message_id", outbound.replyTo());
            }
            case TYPING -> {
                body.put("status", "read");
                body.put("message_id", outbound.replyTo());
                body.putObject("typing_indicator").put("type", "text");
            }
        }
        return body;
    }
}
