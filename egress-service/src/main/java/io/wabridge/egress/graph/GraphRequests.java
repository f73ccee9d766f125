package io.wabridge.egress.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wabridge.model.Json;
import io.wabridge.model.event.OutboundMessage;

/** The JSON body of a {@code /messages} call for each kind of outbound record. */
final class GraphRequests {

    private GraphRequests() {
    }

    static ObjectNode body(OutboundMessage outbound) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("messaging_product", "whatsapp");
        switch (outbound.kind()) {
            case MESSAGE -> {
                body.put("recipient_type", "individual");
                body.put("to", outbound.recipient());
                JsonNode message = outbound.message();
                if (message != null && message.isObject()) {
                    for (var field : message.properties()) {
                        if (!field.getKey().equals("to") && !field.getKey().equals("messaging_product")) {
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
