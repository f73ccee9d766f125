package io.wabridge.ingress.chatwoot;

import com.fasterxml.jackson.databind.JsonNode;
import io.wabridge.ingress.api.ApiEvents;
import io.wabridge.ingress.webhook.BoundedBody;
import io.wabridge.ingress.webhook.WebhookSettings;
import jakarta.servlet.http.HttpServletRequest;
import io.wabridge.model.EventHeaders;
import io.wabridge.model.Json;
import io.wabridge.support.endpoint.Endpoint;
import io.wabridge.support.endpoint.Endpoints;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /webhooks/chatwoot/{endpointId}}: the webhooks of the endpoint's Chatwoot inbox (the
 * {@code chatwoot} handover provider). An agent's {@code message_created} becomes an
 * {@code agent_reply} of the conversation, {@code conversation_status_changed} to {@code resolved}
 * a handover {@code end} (completed, by the agent), both written like the handover API's calls
 * ({@link ApiEvents}, 202 once durably written, 503 when not). Others are answered 200 and dropped.
 * Authenticity: {@link ChatwootWebhookCheck} (401 when it fails). {@code docs/handover.md} ("chatwoot").
 */
@RestController
class ChatwootWebhookController {

    private static final Logger log = LoggerFactory.getLogger(ChatwootWebhookController.class);

    private final Endpoints endpoints;
    private final ApiEvents events;
    private final WebhookSettings limits;
    private final Clock clock;

    ChatwootWebhookController(Endpoints endpoints, ApiEvents events, WebhookSettings limits, Optional<Clock> clock) {
        this.endpoints = endpoints;
        this.events = events;
        this.limits = limits;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    @PostMapping("/webhooks/chatwoot/{endpointId}")
    ResponseEntity<Map<String, Object>> receive(@PathVariable String endpointId, HttpServletRequest http,
            @RequestHeader(name = "X-Chatwoot-Signature", required = false) String signature,
            @RequestHeader(name = "X-Chatwoot-Timestamp", required = false) String timestamp,
            @RequestParam(name = "token", required = false) String token,
            @RequestHeader(name = EventHeaders.TRACEPARENT, required = false) String traceparent) throws IOException {
        // Read within the webhook size limit (wabridge.ingress.webhook.max-body-size) before anything else: unauthenticated bytes.
        byte[] body = BoundedBody.read(http.getInputStream(), http.getContentLengthLong(), (int) limits.maxBodySize().toBytes());
        if (body == null) {
            return answer(HttpStatus.PAYLOAD_TOO_LARGE, "message", "larger than wabridge.ingress.webhook.max-body-size");
        }
        Endpoint endpoint = endpoints.byId(endpointId).orElse(null);
        if (endpoint == null || !endpoint.settings().handover().chatwoot().configured()) {
            return answer(HttpStatus.NOT_FOUND, "message", "no Chatwoot for endpoint " + endpointId);
        }
        String problem = ChatwootWebhookCheck.problem(endpoint.settings().handover().chatwoot(), body, signature, timestamp, token,
                clock.instant());
        if (problem != null) {
            log.warn("Chatwoot webhook for endpoint {} refused: {}", endpointId, problem);
            return answer(HttpStatus.UNAUTHORIZED, "message", "not authentic: " + problem);
        }
        JsonNode payload;
        try {
            payload = Json.mapper().readTree(body);
        } catch (IOException e) {
            return answer(HttpStatus.BAD_REQUEST, "message", "not JSON");
        }
        ChatwootWebhook webhook = ChatwootWebhook.read(payload == null ? Json.mapper().createObjectNode() : payload, endpointId);
        if (webhook.kind() == null) {
            log.debug("Chatwoot webhook for endpoint {} dropped: {}", endpointId, webhook.ignored());
            return answer(HttpStatus.OK, "ignored", webhook.ignored());
        }
        return events.write(endpoint, webhook.kind(), webhook.userId(), null, webhook.text(), webhook.data(), webhook.idempotencyKey(),
                traceparent);
    }

    private static ResponseEntity<Map<String, Object>> answer(HttpStatus status, String field, String text) {
        return ResponseEntity.status(status).body(Map.of(field, text));
    }
}
