package io.wabridge.ingress.api;

import io.wabridge.model.EventHeaders;
import io.wabridge.model.event.InboundKind;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The handover API, {@code POST /api/v1/endpoints/{endpointId}/handover/{start|status|end|reply}},
 * protected like Inject &amp; Notify ({@code X-API-Key}, {@code Idempotency-Key}): a system starts a
 * handover; an agent desk reports {@code queued} / {@code active}, sends its agents' replies and
 * ends it. Each call becomes an event on {@code whatsapp.inbound} in the conversation's order
 * ({@code handover} commands, {@code agent_reply}s); 202 once durably written. {@code docs/handover.md}.
 */
@RestController
@RequestMapping("/api/v1/endpoints/{endpointId}/handover")
class HandoverController {

    private final ApiEvents events;

    HandoverController(ApiEvents events) {
        this.events = events;
    }

    @PostMapping("/{action:start|status|end}")
    ResponseEntity<Map<String, Object>> command(@PathVariable String endpointId, @PathVariable String action,
            @RequestBody HandoverRequest request,
            @RequestHeader(name = "X-API-Key", required = false) String apiKey,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestHeader(name = EventHeaders.TRACEPARENT, required = false) String traceparent) {
        List<String> problems = request.problems(action);
        return events.accept(new ApiEvents.Call(InboundKind.HANDOVER, endpointId, request.userId(), null, null,
                problems.isEmpty() ? request.command(action) : null, problems, apiKey, idempotencyKey, traceparent));
    }

    /** An agent's reply: to the user like a notify, through the output conversion and egress. */
    @PostMapping("/reply")
    ResponseEntity<Map<String, Object>> reply(@PathVariable String endpointId, @RequestBody InjectRequest request,
            @RequestHeader(name = "X-API-Key", required = false) String apiKey,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestHeader(name = EventHeaders.TRACEPARENT, required = false) String traceparent) {
        return events.accept(new ApiEvents.Call(InboundKind.AGENT_REPLY, endpointId, request.userId(), request.sessionId(),
                request.text(), request.data(), request.problems(), apiKey, idempotencyKey, traceparent));
    }
}
