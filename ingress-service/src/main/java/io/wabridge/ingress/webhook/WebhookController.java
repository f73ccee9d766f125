package io.wabridge.ingress.webhook;

import io.micrometer.core.instrument.MeterRegistry;
import io.wabridge.ingress.signature.SignatureVerifier;
import io.wabridge.ingress.webhook.WebhookIntake.WebhookRequest;
import io.wabridge.model.EventHeaders;
import io.wabridge.support.endpoint.Endpoint;
import io.wabridge.support.endpoint.Endpoints;
import io.wabridge.support.kafka.TraceContext;
import io.wabridge.support.observe.RecordTracing;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /webhooks/whatsapp}: the HTTP face of {@link WebhookIntake}. Reads the raw body (the
 * signature is over those exact bytes), maps outcomes to status codes, counts them.
 */
@RestController
@RequestMapping("/webhooks/whatsapp")
class WebhookController {

    private static final Logger log = LoggerFactory.getLogger(WebhookController.class);
    private static final String SUBSCRIBE = "subscribe";

    private final Endpoints endpoints;
    private final WebhookIntake intake;
    private final WebhookSettings settings;
    private final MeterRegistry meters;
    private final RecordTracing tracing;

    WebhookController(Endpoints endpoints, WebhookIntake intake, WebhookSettings settings, MeterRegistry meters,
                      RecordTracing tracing) {
        this.endpoints = endpoints;
        this.intake = intake;
        this.settings = settings;
        this.meters = meters;
        this.tracing = tracing;
    }

    /** Meta's verification handshake: echo {@code hub.challenge} when the verify token matches. */
    @GetMapping(path = "/{endpointId}", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> verify(
            @PathVariable String endpointId,
            @RequestParam(name = "hub.mode", required = false) String mode,
            @RequestParam(name = "hub.verify_token", required = false) String token,
            @RequestParam(name = "hub.challenge", required = false) String challenge) {
        Endpoint endpoint = endpoints.byId(endpointId).orElse(null);
        if (endpoint == null) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body("unknown endpoint");
        }
        if (mode == null || token == null || challenge == null) {
            return ResponseEntity.badRequest().body("hub.mode, hub.verify_token and hub.challenge are required");
        }
        if (!SUBSCRIBE.equals(mode) || endpoint.settings().verifyToken() == null
                || !endpoint.settings().verifyToken().matches(token)) {
            log.warn("Webhook verification for endpoint {} refused: mode or verify token does not match", endpointId);
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body("verification refused");
        }
        log.info("Webhook verification for endpoint {} succeeded", endpointId);
        return ResponseEntity.ok(challenge);
    }

    @PostMapping("/{endpointId}")
    ResponseEntity<Map<String, Object>> receive(@PathVariable String endpointId, HttpServletRequest http) throws IOException {
        Endpoint endpoint = endpoints.byId(endpointId).orElse(null);
        if (endpoint == null) {
            return respond(IntakeResult.unknownEndpoint("unknown endpoint " + endpointId));
        }
        return readAndReceive(endpoint, http);
    }

    /** For a single callback URL shared by several numbers: routed by {@code metadata.phone_number_id}. */
    @PostMapping
    ResponseEntity<Map<String, Object>> receiveRouted(HttpServletRequest http) throws IOException {
        return readAndReceive(null, http);
    }

    private ResponseEntity<Map<String, Object>> readAndReceive(Endpoint endpoint, HttpServletRequest http) throws IOException {
        int limit = (int) settings.maxBodySize().toBytes();
        byte[] body = BoundedBody.read(http.getInputStream(), http.getContentLengthLong(), limit);
        if (body == null) {
            return respond(IntakeResult.tooLarge(limit));
        }
        String traceparent = traceparent(http);
        WebhookRequest request = new WebhookRequest(body, http.getHeader(SignatureVerifier.HEADER), traceparent, keptHeaders(http));
        return respond(intake.receive(endpoint, request));
    }

    private ResponseEntity<Map<String, Object>> respond(IntakeResult result) {
        meters.counter("wabridge.ingress.webhooks", "outcome", result.outcome()).increment();
        if (result.status().is2xxSuccessful()) {
            log.debug("Webhook {}: {} record(s)", result.outcome(), result.records());
        } else {
            log.warn("Webhook refused with {}: {}", result.status().value(), result.message());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("outcome", result.outcome());
        body.put("message", result.message());
        return ResponseEntity.status(result.status()).body(body);
    }

    /**
     * The HTTP server span's context (Boot's observation filter continued the request's
     * {@code traceparent}): the records continue this request's trace. With tracing off, the
     * request's own header, else a new trace.
     */
    private String traceparent(HttpServletRequest http) {
        String current = tracing.currentTraceparent(null);
        return current != null ? current : TraceContext.continueOrStart(http.getHeader(EventHeaders.TRACEPARENT));
    }

    /** Headers worth keeping with a quarantined body: enough to re-check and re-process it. */
    private static Map<String, String> keptHeaders(HttpServletRequest http) {
        Map<String, String> kept = new LinkedHashMap<>();
        for (String name : new String[] {HttpHeaders.CONTENT_TYPE, SignatureVerifier.HEADER, HttpHeaders.USER_AGENT}) {
            String value = http.getHeader(name);
            if (value != null) {
                kept.put(name.toLowerCase(Locale.ROOT), value);
            }
        }
        return kept;
    }
}
