package io.wabridge.sandbox.chat;

import io.wabridge.model.UserIds;
import io.wabridge.sandbox.SandboxSettings;
import io.wabridge.sandbox.graph.Outbox;
import io.wabridge.sandbox.graph.SentMessage;
import io.wabridge.sandbox.webhook.IngressClient;
import io.wabridge.sandbox.webhook.Webhooks;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The chat page's backend, i.e. the user's phone: what the user types or clicks becomes a signed
 * WhatsApp webhook to ingress; what the bot sends arrives through the fake Graph API.
 */
@RestController
@RequestMapping("/chat/api")
class ChatController {

    private static final Logger log = LoggerFactory.getLogger(ChatController.class);

    private final SandboxSettings settings;
    private final InboundMessages inbound;
    private final Webhooks webhooks;
    private final IngressClient ingress;
    private final UserMessages userMessages;
    private final Outbox outbox;
    private final ChatStream stream;

    ChatController(SandboxSettings settings, InboundMessages inbound, Webhooks webhooks, IngressClient ingress,
                   UserMessages userMessages, Outbox outbox, ChatStream stream) {
        this.settings = settings;
        this.inbound = inbound;
        this.webhooks = webhooks;
        this.ingress = ingress;
        this.userMessages = userMessages;
        this.outbox = outbox;
        this.stream = stream;
    }

    /** Sends a user message; answers with ingress's status (502 when ingress refused it or is down). */
    @PostMapping("/messages")
    ResponseEntity<Map<String, Object>> send(@RequestBody ChatInput input) {
        String problem = input.problem();
        if (problem != null) {
            return ResponseEntity.badRequest().body(Map.of("error", problem));
        }
        String messageId = "wamid.sandbox-" + UUID.randomUUID();
        Instant now = Instant.now();
        Object payload = webhooks.message(input.userId(), input.profileName(), input.phoneNumber(), inbound.of(input, messageId, now));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("messageId", messageId);
        try {
            IngressClient.Delivery delivery = ingress.deliver(payload);
            userMessages.add(new UserMessages.UserMessage(messageId, input.userId(), input.text(), input.reply(), now,
                    delivery.status(), null));
            result.put("ingressStatus", delivery.status());
            result.put("ingressResponse", delivery.body());
            return ResponseEntity.status(delivery.ok() ? HttpStatus.OK : HttpStatus.BAD_GATEWAY).body(result);
        } catch (IOException e) {
            log.warn("Ingress at {} is unreachable: {}", settings.webhookUri(), e.toString());
            result.put("error", "ingress is unreachable at " + settings.webhookUri() + " (" + e + ")");
            return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body(result);
        }
    }

    /** The conversation so far, oldest first: the user's messages and the bot's, as the phone saw them. */
    /** The user changes number (and so business-scoped id): a {@code user_changed_number} webhook to ingress. */
    @PostMapping("/identity-changes")
    ResponseEntity<Map<String, Object>> changeNumber(@RequestBody NumberChange change) {
        if (!UserIds.isBusinessScoped(change.userId()) || !UserIds.isBusinessScoped(change.newUserId())
                || change.newPhoneNumber() == null || !change.newPhoneNumber().matches("\\d{5,20}")) {
            return ResponseEntity.badRequest().body(Map.of("error",
                    "userId and newUserId must be business-scoped user ids, newPhoneNumber 5 to 20 digits"));
        }
        String messageId = "wamid.sandbox-" + UUID.randomUUID();
        Object payload = webhooks.numberChange(change.userId(), change.newUserId(), change.newPhoneNumber(), messageId, Instant.now());
        try {
            IngressClient.Delivery delivery = ingress.deliver(payload);
            return ResponseEntity.status(delivery.ok() ? HttpStatus.OK : HttpStatus.BAD_GATEWAY)
                    .body(Map.of("messageId", messageId, "ingressStatus", delivery.status()));
        } catch (IOException e) {
            return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body(Map.of("error", "ingress is unreachable: " + e));
        }
    }

    /** A number change: from the business-scoped id {@code userId} to {@code newUserId} with {@code newPhoneNumber}. */
    record NumberChange(String userId, String newUserId, String newPhoneNumber) {
    }

    @GetMapping("/messages")
    Map<String, Object> history(@RequestParam String userId) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (UserMessages.UserMessage message : userMessages.from(userId)) {
            entries.add(Map.of("from", "user", "at", message.sentAt(), "message", message));
        }
        for (SentMessage message : outbox.messagesTo(userId)) {
            entries.add(Map.of("from", "bot", "at", message.acceptedAt(), "message", message));
        }
        entries.sort(Comparator.comparing(entry -> (Instant) entry.get("at")));
        return Map.of("userId", userId, "messages", entries);
    }

    @GetMapping("/stream")
    SseEmitter stream(@RequestParam String userId) {
        return stream.open(userId);
    }

    /** Who the sandbox pretends to be, for the page header. */
    @GetMapping("/config")
    Map<String, Object> config() {
        return Map.of(
                "endpointId", settings.endpointId(),
                "webhookUrl", settings.webhookUri().toString(),
                "businessNumber", settings.displayPhoneNumber(),
                "phoneNumberId", settings.phoneNumberId());
    }
}
