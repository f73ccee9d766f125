package io.wabridge.ingress.api;

import io.wabridge.model.EventHeaders;
import io.wabridge.model.event.InboundKind;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/endpoints/{endpointId}/inject} and {@code /notify}, protected by the
 * endpoint's {@code api-key} ({@code X-API-Key} header). Answers 202 once the event is durably
 * written. An {@code Idempotency-Key} header makes the event id deterministic, so a client's
 * retry of the same request is dropped downstream instead of reaching the user twice.
 */
@RestController
@RequestMapping("/api/v1/endpoints/{endpointId}")
class InjectController {

    private final ApiEvents events;

    InjectController(ApiEvents events) {
        this.events = events;
    }

    @PostMapping("/inject")
    ResponseEntity<Map<String, Object>> inject(@PathVariable String endpointId, @RequestBody InjectRequest request,
            @RequestHeader(name = "X-API-Key", required = false) String apiKey,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestHeader(name = EventHeaders.TRACEPARENT, required = false) String traceparent) {
        return accept(InboundKind.INJECT, endpointId, request, apiKey, idempotencyKey, traceparent);
    }

    @PostMapping("/notify")
    ResponseEntity<Map<String, Object>> notify(@PathVariable String endpointId, @RequestBody InjectRequest request,
            @RequestHeader(name = "X-API-Key", required = false) String apiKey,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestHeader(name = EventHeaders.TRACEPARENT, required = false) String traceparent) {
        return accept(InboundKind.NOTIFY, endpointId, request, apiKey, idempotencyKey, traceparent);
    }

    private ResponseEntity<Map<String, Object>> accept(InboundKind kind, String endpointId, InjectRequest request,
            String apiKey, String idempotencyKey, String traceparent) {
        return events.accept(new ApiEvents.Call(kind, endpointId, request.userId(), request.sessionId(), request.text(),
                request.data(), request.problems(), apiKey, idempotencyKey, traceparent));
    }
}
