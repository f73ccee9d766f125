package io.wabridge.ingress.api;

import io.wabridge.ingress.publish.DurablePublisher;
import io.wabridge.ingress.publish.PublishOutcome;
import io.wabridge.model.ConversationKey;
import io.wabridge.model.EventHeaders;
import io.wabridge.model.EventIds;
import io.wabridge.model.event.InboundEvent;
import io.wabridge.model.event.InboundKind;
import io.wabridge.model.privacy.Masking;
import io.wabridge.support.endpoint.Endpoint;
import io.wabridge.support.endpoint.Endpoints;
import io.wabridge.support.kafka.EventCodec;
import io.wabridge.support.kafka.TopicSettings;
import io.wabridge.support.kafka.TraceContext;
import io.wabridge.support.observe.RecordTracing;
import io.wabridge.support.privacy.LogMasking;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
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

    private static final Logger log = LoggerFactory.getLogger(InjectController.class);

    private final Endpoints endpoints;
    private final DurablePublisher publisher;
    private final EventCodec codec;
    private final TopicSettings topics;
    private final Clock clock;
    private final RecordTracing tracing;

    InjectController(Endpoints endpoints, DurablePublisher publisher, EventCodec codec, TopicSettings topics,
            Optional<Clock> clock, RecordTracing tracing) {
        this.tracing = tracing;
        this.endpoints = endpoints;
        this.publisher = publisher;
        this.codec = codec;
        this.topics = topics;
        this.clock = clock.orElse(Clock.systemUTC());
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
        Endpoint endpoint = endpoints.byId(endpointId).orElse(null);
        if (endpoint == null) {
            return error(HttpStatus.NOT_FOUND, "unknown endpoint " + endpointId);
        }
        if (endpoint.settings().apiKey() == null || endpoint.settings().apiKey().isBlank()) {
            return error(HttpStatus.FORBIDDEN, "the inject/notify API is off for this endpoint (set wabridge.endpoints."
                    + endpointId + ".api-key)");
        }
        if (!endpoint.settings().apiKey().matches(apiKey)) {
            return error(HttpStatus.UNAUTHORIZED, "missing or invalid X-API-Key");
        }
        List<String> problems = request.problems();
        if (!problems.isEmpty()) {
            return error(HttpStatus.BAD_REQUEST, String.join("; ", problems));
        }
        String key = new ConversationKey(endpoint.phoneNumberId(), request.userId()).toString();
        String eventId = idempotencyKey == null || idempotencyKey.isBlank()
                ? UUID.randomUUID().toString()
                : EventIds.apiRequest(kind.name(), key, idempotencyKey);
        InboundEvent event = new InboundEvent(InboundEvent.SCHEMA_VERSION, eventId, kind, endpoint.id(), endpoint.phoneNumberId(),
                key, request.userId(), null, null, null, clock.instant(), null, request.text(), request.data(),
                request.sessionId(), null, null, null);
        PublishOutcome outcome = publisher.publish(List.of(codec.record(topics.inbound(), key, event, traceparent(traceparent))));
        if (!outcome.written()) {
            return error(HttpStatus.SERVICE_UNAVAILABLE, "not written, retry later: " + outcome.failure());
        }
        if (log.isDebugEnabled()) {
            Masking masking = LogMasking.of(endpoint);
            log.debug("{} for {} accepted for endpoint {} as event {}: text {}", kind, masking.key(key), endpointId, eventId,
                    masking.text(request.text()));
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("eventId", eventId));
    }

    /** The HTTP server span's context; with tracing off, the request's header, else a new trace. */
    private String traceparent(String header) {
        String current = tracing.currentTraceparent(null);
        return current != null ? current : TraceContext.continueOrStart(header);
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String message) {
        log.warn("Inject/notify refused with {}: {}", status.value(), message);
        return ResponseEntity.status(status).body(Map.of("message", message));
    }
}
