package io.wabridge.sandbox.graph;

import com.fasterxml.jackson.databind.JsonNode;
import io.wabridge.model.Json;
import io.wabridge.model.UserIds;
import io.wabridge.sandbox.SandboxSettings;
import io.wabridge.sandbox.webhook.WebhookSigner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The fake Graph API: {@code POST /{version}/{phone-number-id}/messages}. Checks the token, the
 * number and the body as Meta would, answers with Meta's success or error shape, and starts the
 * status webhooks of an accepted message.
 */
@RestController
class GraphController {

    private static final Logger log = LoggerFactory.getLogger(GraphController.class);

    private final SandboxSettings settings;
    private final Outbox outbox;
    private final StatusNotifier statuses;
    private final FaultPlan faults;

    GraphController(SandboxSettings settings, Outbox outbox, StatusNotifier statuses, FaultPlan faults) {
        this.settings = settings;
        this.outbox = outbox;
        this.statuses = statuses;
        this.faults = faults;
    }

    @PostMapping("/{version:v\\d+\\.\\d+}/{phoneNumberId}/messages")
    Map<String, Object> send(@PathVariable String phoneNumberId,
                             @RequestHeader(name = "Authorization", required = false) String authorization,
                             @RequestHeader(name = "traceparent", required = false) String traceparent,
                             @RequestParam(name = "access_token", required = false) String accessToken,
                             @RequestParam(name = "appsecret_proof", required = false) String proof,
                             @RequestBody(required = false) byte[] raw) {
        authenticate(authorization, accessToken, proof);
        if (!settings.phoneNumberId().equals(phoneNumberId)) {
            throw new GraphApiException(GraphError.unknownObject(phoneNumberId));
        }
        JsonNode body = parse(raw);
        GraphRequest request = MessageValidator.validate(body);
        if (request instanceof GraphRequest.MarkRead read) {
            outbox.markedRead(read.messageId(), read.typing());
            return Map.of("success", true);
        }
        GraphRequest.Send send = (GraphRequest.Send) request;
        String waId = WaIds.of(send.to());
        Fault fault = faults.take(waId).orElse(null);
        if (fault != null && !fault.failedStatus()) {
            throw new GraphApiException(fault.error());
        }
        SentMessage message = outbox.accept(waId, send.type(), body, traceparent);
        if (fault != null) {
            statuses.fail(message, send.callbackData(), fault);
        } else {
            statuses.track(message, send.callbackData());
        }
        log.debug("Accepted {} {} for {}", send.type(), message.id(), waId);
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("messaging_product", "whatsapp");
        // A BSUID send is answered with the user id and no wa_id, as Meta does.
        response.put("contacts", List.of(UserIds.isBusinessScoped(waId)
                ? Map.of("input", send.to(), "user_id", waId)
                : Map.of("input", send.to(), "wa_id", waId)));
        response.put("messages", List.of(Map.of("id", message.id())));
        return response;
    }

    /** What the sandbox remembers sending to {@code recipient} (for tests and the chat page). */
    @GetMapping("/sandbox/outbox/{recipient}")
    List<SentMessage> outbox(@PathVariable String recipient) {
        return outbox.messagesTo(recipient);
    }

    private void authenticate(String authorization, String accessToken, String proof) {
        String token = accessToken;
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            token = authorization.substring(7).trim();
        }
        if (token == null || !constantTimeEquals(token, settings.accessToken())) {
            throw new GraphApiException(GraphError.badToken());
        }
        // Graph checks appsecret_proof whenever it is sent (and requires it if the app says so).
        if (proof != null && !constantTimeEquals(proof, WebhookSigner.hex(settings.appSecret(), token))) {
            throw new GraphApiException(GraphError.invalidParameter("Invalid appsecret_proof provided in the API argument"));
        }
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode parse(byte[] raw) {
        if (raw == null || raw.length == 0) {
            return null;
        }
        try {
            return Json.mapper().readTree(raw);
        } catch (IOException notJson) {
            throw new GraphApiException(GraphError.invalidParameter("The request body is not valid JSON."));
        }
    }

    /** Meta's error shape: {@code {"error": {message, type, code, error_subcode?, error_data, fbtrace_id}}}. */
    @ExceptionHandler(GraphApiException.class)
    ResponseEntity<Map<String, Object>> reject(GraphApiException e) {
        GraphError error = e.error();
        log.info("Graph request rejected: code {} {}", error.code(), error.details());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", error.message());
        body.put("type", "OAuthException");
        body.put("code", error.code());
        if (error.subcode() != null) {
            body.put("error_subcode", error.subcode());
        }
        body.put("error_data", Map.of("messaging_product", "whatsapp", "details", error.details()));
        body.put("fbtrace_id", "sandbox-" + UUID.randomUUID().toString().substring(0, 12));
        return ResponseEntity.status(error.httpStatus()).body(Map.of("error", body));
    }
}
