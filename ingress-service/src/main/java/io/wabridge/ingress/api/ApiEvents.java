package io.wabridge.ingress.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.wabridge.ingress.publish.DurablePublisher;
import io.wabridge.ingress.publish.PublishOutcome;
import io.wabridge.model.ConversationKey;
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
import org.springframework.stereotype.Component;

/**
 * What every call of the endpoint API does, in one place: the endpoint's {@code api-key}
 * ({@code X-API-Key}), the body's problems (400), the event durably written to
 * {@code whatsapp.inbound} (202 with its id; 503 when not written). An {@code Idempotency-Key}
 * makes the event id deterministic, so a client's retry is dropped downstream.
 */
@Component
public class ApiEvents {

    private static final Logger log = LoggerFactory.getLogger(ApiEvents.class);

    private final Endpoints endpoints;
    private final DurablePublisher publisher;
    private final EventCodec codec;
    private final TopicSettings topics;
    private final Clock clock;
    private final RecordTracing tracing;

    ApiEvents(Endpoints endpoints, DurablePublisher publisher, EventCodec codec, TopicSettings topics, Optional<Clock> clock,
              RecordTracing tracing) {
        this.endpoints = endpoints;
        this.publisher = publisher;
        this.codec = codec;
        this.topics = topics;
        this.clock = clock.orElse(Clock.systemUTC());
        this.tracing = tracing;
    }

    /** The request's event and data as the processor reads them; {@code problems} found in the body answer 400. */
    record Call(InboundKind kind, String endpointId, String userId, String sessionId, String text, JsonNode data,
                List<String> problems, String apiKey, String idempotencyKey, String traceparent) {
    }

    ResponseEntity<Map<String, Object>> accept(Call call) {
        Endpoint endpoint = endpoints.byId(call.endpointId()).orElse(null);
        if (endpoint == null) {
            return error(HttpStatus.NOT_FOUND, "unknown endpoint " + call.endpointId());
        }
        if (endpoint.settings().apiKey() == null || endpoint.settings().apiKey().isBlank()) {
            return error(HttpStatus.FORBIDDEN, "the endpoint API is off for this endpoint (set wabridge.endpoints."
                    + call.endpointId() + ".api-key)");
        }
        if (!endpoint.settings().apiKey().matches(call.apiKey())) {
            return error(HttpStatus.UNAUTHORIZED, "missing or invalid X-API-Key");
        }
        if (!call.problems().isEmpty()) {
            return error(HttpStatus.BAD_REQUEST, String.join("; ", call.problems()));
        }
        return write(endpoint, call.kind(), call.userId(), call.sessionId(), call.text(), call.data(), call.idempotencyKey(),
                call.traceparent());
    }

    /**
     * Writes the event of a call whose sender another check already authenticated (a desk's
     * signed webhook): the same event, ids and answers as {@link #accept}, without the API key.
     */
    public ResponseEntity<Map<String, Object>> write(Endpoint endpoint, InboundKind kind, String userId, String sessionId, String text,
                                                     JsonNode data, String idempotencyKey, String traceparent) {
        Call call = new Call(kind, endpoint.id(), userId, sessionId, text, data, List.of(), null, idempotencyKey, traceparent);
        String key = new ConversationKey(endpoint.phoneNumberId(), call.userId()).toString();
        String eventId = call.idempotencyKey() == null || call.idempotencyKey().isBlank()
                ? UUID.randomUUID().toString()
                : EventIds.apiRequest(call.kind().name(), key, call.idempotencyKey());
        InboundEvent event = new InboundEvent(InboundEvent.SCHEMA_VERSION, eventId, call.kind(), endpoint.id(), endpoint.phoneNumberId(),
                key, call.userId(), null, null, null, clock.instant(), null, call.text(), call.data(), call.sessionId(), null, null, null);
        PublishOutcome outcome = publisher.publish(List.of(codec.record(topics.inbound(), key, event, traceparent(call.traceparent()))));
        if (!outcome.written()) {
            return error(HttpStatus.SERVICE_UNAVAILABLE, "not written, retry later: " + outcome.failure());
        }
        if (log.isDebugEnabled()) {
            Masking masking = LogMasking.of(endpoint);
            log.debug("{} for {} accepted for endpoint {} as event {}: text {}", call.kind(), masking.key(key), call.endpointId(), eventId,
                    masking.text(call.text()));
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("eventId", eventId));
    }

    /** The HTTP server span's context; with tracing off, the request's header, else a new trace. */
    private String traceparent(String header) {
        String current = tracing.currentTraceparent(null);
        return current != null ? current : TraceContext.continueOrStart(header);
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String message) {
        log.warn("Endpoint API call refused with {}: {}", status.value(), message);
        return ResponseEntity.status(status).body(Map.of("message", message));
    }
}
