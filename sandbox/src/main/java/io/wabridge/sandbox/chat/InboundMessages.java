package io.wabridge.sandbox.chat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wabridge.model.Json;
import io.wabridge.model.UserIds;
import io.wabridge.sandbox.SandboxSettings;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** Turns chat input into a {@code messages[]} item exactly as WhatsApp would write it. */
@Component
class InboundMessages {

    private final SandboxSettings settings;

    InboundMessages(SandboxSettings settings) {
        this.settings = settings;
    }

    ObjectNode of(ChatInput input, String messageId, Instant at) {
        ObjectNode message = Json.mapper().createObjectNode();
        // A username user's webhooks carry only the business-scoped id; a phone number only when Meta shares it.
        message.put(UserIds.isBusinessScoped(input.userId()) ? "from_user_id" : "from", input.userId());
        if (input.phoneNumber() != null) {
            message.put("from", input.phoneNumber());
        }
        message.put("id", messageId);
        message.put("timestamp", Long.toString(at.getEpochSecond()));
        ChatInput.Reply reply = input.reply();
        if (reply == null) {
            message.put("type", "text");
            message.putObject("text").put("body", input.text());
            return message;
        }
        if (reply.contextMessageId() != null && !reply.contextMessageId().isBlank()) {
            // A click answers a bot message: WhatsApp names it, with the business number as its sender.
            message.putObject("context")
                    .put("from", settings.displayPhoneNumber())
                    .put("id", reply.contextMessageId());
        }
        message.put("type", "interactive");
        ObjectNode interactive = message.putObject("interactive");
        interactive.put("type", reply.type());
        ObjectNode body = interactive.putObject(reply.type());
        body.put("id", reply.id());
        body.put("title", reply.title());
        if ("list_reply".equals(reply.type()) && reply.description() != null && !reply.description().isBlank()) {
            body.put("description", reply.description());
        }
        return message;
    }
}
