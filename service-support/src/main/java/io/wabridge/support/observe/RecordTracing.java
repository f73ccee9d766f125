package io.wabridge.support.observe;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.wabridge.model.EventHeaders;
import io.wabridge.support.kafka.EventCodec;
import io.wabridge.support.kafka.TraceContext;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;

/**
 * Trace context on Kafka records, with Micrometer's tracer instead of string handling: the work
 * on a consumed record is an {@link Observation} (a timer, and a span whose parent is the record's
 * {@code traceparent}), and the records written meanwhile carry that span's {@code traceparent}.
 *
 * <p>With tracing off ({@code management.tracing.enabled=false}) there is no tracer: the
 * observations are timers only, and the {@code traceparent} of a consumed record is passed on as
 * it came (a new root when it had none), as before real spans existed.
 */
public class RecordTracing {

    private final ObservationRegistry observations;
    private final Tracer tracer;
    private final Propagator propagator;

    public RecordTracing(ObservationRegistry observations, Tracer tracer, Propagator propagator) {
        this.observations = observations;
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** Without tracing or metrics: for unit tests and tools. */
    public static RecordTracing noop() {
        return new RecordTracing(ObservationRegistry.NOOP, Tracer.NOOP, Propagator.NOOP);
    }

    /**
     * An observation, not yet started, of the work on a consumed record; its span continues the
     * trace of the record's {@code traceparent} header (a consumer span).
     *
     * @param name the timer's name ({@code wabridge.<stage>.<thing>})
     * @param contextualName the span's name
     */
    public Observation consumed(String name, String contextualName, ConsumerRecord<?, ?> record) {
        ReceiverContext<Headers> context = new ReceiverContext<>((headers, key) -> EventCodec.header(headers, key));
        context.setCarrier(record.headers());
        context.setRemoteServiceName("kafka");
        return Observation.createNotStarted(name, () -> context, observations).contextualName(contextualName);
    }

    /** An observation, not yet started, of a step inside the current one (a child span). */
    public Observation child(String name, String contextualName) {
        return Observation.createNotStarted(name, observations).contextualName(contextualName);
    }

    /** An observation, not yet started, of a step of {@code parent} that runs off its thread (a child span). */
    public Observation child(String name, String contextualName, Observation parent) {
        return child(name, contextualName).parentObservation(parent);
    }

    /**
     * The W3C {@code traceparent} of the current span, for a record or request about to be sent;
     * {@code fallback} when there is no current span (tracing off).
     */
    public String currentTraceparent(String fallback) {
        Span span = tracer.currentSpan();
        if (span == null || span.context().traceId().isEmpty()) {
            return fallback;
        }
        Map<String, String> carrier = new HashMap<>(4);
        propagator.inject(span.context(), carrier, Map::put);
        return carrier.getOrDefault(EventHeaders.TRACEPARENT, fallback);
    }

    /** The {@code traceparent} the work in {@code observation}'s span passes on (its own span's context). */
    public String traceparentOf(Observation observation, String fallback) {
        Observation.Scope scope = observation.openScope();
        try {
            return currentTraceparent(fallback);
        } finally {
            scope.close();
        }
    }

    /** What to pass on for a consumed record when no span is current: its own header, else a new trace. */
    public static String passedOn(ConsumerRecord<?, ?> record) {
        return TraceContext.continueOrStart(EventCodec.header(record.headers(), EventHeaders.TRACEPARENT));
    }
}
