package io.wabridge.processor.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.wabridge.model.Json;
import io.wabridge.model.event.InboundEvent;
import io.wabridge.model.event.InboundKind;
import io.wabridge.model.event.OutboundKind;
import io.wabridge.model.event.TranscriptDirection;
import io.wabridge.model.privacy.Masking;
import io.wabridge.processor.cognigy.CognigyClient;
import io.wabridge.processor.cognigy.CognigyException;
import io.wabridge.processor.cognigy.CognigyRequest;
import io.wabridge.processor.conversation.ConversationState;
import io.wabridge.processor.input.CognigyInput;
import io.wabridge.processor.input.HtmlStripper;
import io.wabridge.processor.input.InputMapper;
import io.wabridge.processor.input.MediaUrls;
import io.wabridge.processor.output.Adjustments;
import io.wabridge.processor.output.OutputMapper;
import io.wabridge.support.endpoint.Endpoint;
import io.wabridge.support.endpoint.Endpoints;
import io.wabridge.support.observe.RecordTracing;
import io.wabridge.support.privacy.LogMasking;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles one inbound record given its conversation's state: dedupe, session, Cognigy call,
 * output conversion. Runs on a worker thread; never more than one turn per conversation at a
 * time, so check-and-remember of a message id cannot race. Never throws: every failure becomes
 * a fallback reply and a dead letter.
 */
class TurnHandler {

    private static final Logger log = LoggerFactory.getLogger(TurnHandler.class);
    /**
     * Largest outbound record value written; below Kafka's default 1 MB limits, so that an
     * enormous flow output fails its turn (fallback + dead letter) instead of every commit.
     */
    static final int MAX_RECORD_BYTES = 900 * 1024;

    private final Endpoints endpoints;
    private final CognigyClient cognigy;
    private final InputMapper inputMapper = new InputMapper();
    private final MediaUrls mediaUrls;
    private final OutputMapper outputMapper;
    private final OutboundRecords records;
    private final int dedupeWindow;
    private final Clock clock;
    private final MeterRegistry meters;
    private final RecordTracing tracing;

    TurnHandler(Endpoints endpoints, CognigyClient cognigy, MediaUrls mediaUrls, OutputMapper outputMapper,
                OutboundRecords records, int dedupeWindow, Clock clock, MeterRegistry meters, RecordTracing tracing) {
        this.endpoints = endpoints;
        this.cognigy = cognigy;
        this.mediaUrls = mediaUrls;
        this.outputMapper = outputMapper;
        this.records = records;
        this.dedupeWindow = dedupeWindow;
        this.clock = clock;
        this.meters = meters;
        this.tracing = tracing;
    }

    /**
     * One turn, timed ({@code wabridge.processor.turn.duration}) and traced: its span continues
     * the inbound record's trace, and the records it writes carry the span's context on.
     */
    Turn handle(Work work, ConversationState state) {
        return tracing.consumed("wabridge.processor.turn.duration", "processor turn", work.record())
                .observe(() -> handleTraced(work, state));
    }

    private Turn handleTraced(Work work, ConversationState state) {
        InboundEvent event = work.event();
        long offset = work.record().offset();
        String messageId = event.messageId() != null ? event.messageId() : event.eventId();
        if (state.alreadyHandled(messageId, offset, work.forced())) {
            Masking masking = LogMasking.forKey(endpoints, work.key());
            log.debug("Dropping {} for {}: already handled", masking.messageId(messageId), masking.key(work.key()));
            return outcome(work, null, List.of(), "duplicate");
        }
        Optional<Endpoint> endpoint = endpoints.byId(event.endpointId()).or(() -> endpoints.byPhoneNumberId(event.phoneNumberId()));
        if (endpoint.isEmpty()) {
            log.error("No endpoint {} / phone number {} configured, dead-lettering {}", event.endpointId(),
                    event.phoneNumberId(), event.eventId());
            return deadLetterOnly(work, state.remember(null, offset, dedupeWindow), "unknown-endpoint", event.endpointId());
        }
        try {
            return switch (event.kind()) {
                case MESSAGE, INJECT -> toFlow(work, endpoint.get(), state, messageId);
                case NOTIFY, AGENT_REPLY -> straightToUser(work, endpoint.get(), state, messageId);
                case HANDOVER -> handover(work, state, messageId);
            };
        } catch (RuntimeException e) {
            Masking masking = LogMasking.of(endpoint);
            log.error("Handling {} for {} failed", event.eventId(), masking.key(work.key()), LogMasking.throwable(masking, e));
            return failed(work, endpoint.get(), state.remember(null, offset, dedupeWindow), "processing-failed", e);
        }
    }

    /** A record that cannot be read: straight to the dead-letter topic, never retried. */
    Turn unreadable(Work work, RuntimeException cause) {
        Masking masking = LogMasking.forKey(endpoints, work.record().key());
        log.error("Unreadable record {}-{}@{} (key {}), dead-lettering: {}", work.record().topic(), work.record().partition(),
                work.record().offset(), masking.key(work.record().key()), LogMasking.message(masking, cause));
        return deadLetterOnly(work, null, "unreadable-event", cause.getMessage());
    }

    /** Last resort for a failure outside {@link #handle}'s own handling: dead-letter, move on. */
    Turn crashed(Work work, ConversationState state, Throwable cause) {
        Masking masking = LogMasking.forKey(endpoints, work.key());
        log.error("Handling {} for {} crashed", work.record().offset(), masking.key(work.key()), LogMasking.throwable(masking, cause));
        return deadLetterOnly(work, state.remember(null, work.record().offset(), dedupeWindow), "processing-failed",
                String.valueOf(cause));
    }

    private Turn toFlow(Work work, Endpoint endpoint, ConversationState state, String messageId) {
        InboundEvent event = work.event();
        long offset = work.record().offset();
        Instant at = eventTime(event);
        String session = event.sessionId() != null && event.kind() == InboundKind.INJECT
                ? event.sessionId()
                : state.sessionFor(at, endpoint.settings().session().expiration(), event.eventId());
        if (state.handover() && event.kind() == InboundKind.MESSAGE) {
            // The flow is paused while an agent has the conversation; routing to the agent is the handover stage's job.
            return outcome(work, state.afterTurn(session, at, messageId, offset, dedupeWindow), List.of(), "handover");
        }
        List<ProducerRecord<String, byte[]>> out = new ArrayList<>();
        boolean markRead = event.kind() == InboundKind.MESSAGE
                && endpoint.settings().markAsRead() && event.messageId() != null;
        if (markRead) {
            out.add(records.outbound(work, endpoint, 0, OutboundKind.MARK_READ, null));
        }
        List<JsonNode> outputs;
        CognigyInput input = inputMapper.map(event);
        // Cognigy's "Enable Input Sanitization": after input mapping, before the flow.
        String text = endpoint.settings().dataProtection().sanitizeInput() ? HtmlStripper.strip(input.text()) : input.text();
        if (log.isDebugEnabled()) {
            Masking masking = LogMasking.of(endpoint);
            log.debug("{} {} for {} to the flow of endpoint {}: text {}", event.kind(), event.eventId(),
                    masking.key(work.key()), endpoint.id(), masking.text(text));
        }
        try {
            mediaUrls.addTo(input, endpoint);
            CognigyRequest request = new CognigyRequest(event.userId(), session, text, input.data());
            outputs = callCognigy(endpoint, request);
        } catch (CognigyException e) {
            log.warn("Cognigy gave no answer for {} (endpoint {}, event {}): {} {}", LogMasking.of(endpoint).key(work.key()),
                    endpoint.id(), event.eventId(), e.failure().reason(), e.getMessage());
            // Not remembered as handled: a re-drive from the dead-letter topic must reach the flow.
            ConversationState after = state.afterTurn(session, at, null, offset, dedupeWindow);
            return failed(work, endpoint, after, e.failure().reason(), e);
        }
        int index = out.size();
        for (JsonNode output : outputs) {
            for (ObjectNode message : convert(output)) {
                out.add(records.outbound(work, endpoint, index++, OutboundKind.MESSAGE, message));
            }
        }
        records.transcript(work, endpoint, session, TranscriptDirection.USER, null, text, input.data()).ifPresent(out::add);
        for (int i = 0; i < outputs.size(); i++) {
            JsonNode output = outputs.get(i);
            records.transcript(work, endpoint, session, TranscriptDirection.BOT, i, textOf(output), output.get("data"))
                    .ifPresent(out::add);
        }
        if (oversized(out)) {
            return failed(work, endpoint, state.afterTurn(session, at, null, offset, dedupeWindow), "output-too-large",
                    new IllegalStateException("an output exceeds " + MAX_RECORD_BYTES + " bytes"));
        }
        return outcome(work, state.afterTurn(session, at, messageId, offset, dedupeWindow), out, "replied");
    }

    /**
     * The Cognigy call (retries included) as a child span and the timer
     * {@code wabridge.processor.cognigy.calls}, tagged by endpoint and outcome ({@code ok} or the
     * failure reason).
     */
    private List<JsonNode> callCognigy(Endpoint endpoint, CognigyRequest request) {
        Observation call = tracing.child("wabridge.processor.cognigy.calls", "cognigy call")
                .lowCardinalityKeyValue("endpoint", endpoint.id())
                .start();
        Observation.Scope scope = call.openScope();
        try {
            List<JsonNode> outputs = cognigy.send(endpoint.id(), endpoint.settings().cognigy(), request);
            call.lowCardinalityKeyValue("outcome", "ok");
            return outputs;
        } catch (CognigyException e) {
            call.lowCardinalityKeyValue("outcome", e.failure().reason());
            call.error(e);
            throw e;
        } finally {
            scope.close();
            call.stop();
        }
    }

    /** Notify and agent replies go to the user as they are, converted like a bot output. */
    private Turn straightToUser(Work work, Endpoint endpoint, ConversationState state, String messageId) {
        InboundEvent event = work.event();
        ObjectNode output = Json.mapper().createObjectNode();
        output.put("text", event.text());
        if (event.data() != null) {
            output.set("data", event.data());
        }
        List<ProducerRecord<String, byte[]>> out = new ArrayList<>();
        for (ObjectNode message : convert(output)) {
            out.add(records.outbound(work, endpoint, out.size(), OutboundKind.MESSAGE, message));
        }
        TranscriptDirection direction = event.kind() == InboundKind.AGENT_REPLY ? TranscriptDirection.AGENT : TranscriptDirection.BOT;
        records.transcript(work, endpoint, event.sessionId(), direction, 0, event.text(), event.data()).ifPresent(out::add);
        if (oversized(out)) {
            return failed(work, endpoint, state.remember(null, work.record().offset(), dedupeWindow), "output-too-large",
                    new IllegalStateException("an output exceeds " + MAX_RECORD_BYTES + " bytes"));
        }
        return outcome(work, state.remember(messageId, work.record().offset(), dedupeWindow), out, "notified");
    }

    /** {@code data.active} (default true) starts or ends a handover. */
    private Turn handover(Work work, ConversationState state, String messageId) {
        JsonNode data = work.event().data();
        boolean active = data == null || data.path("active").asBoolean(true);
        ConversationState after = state.withHandover(active).remember(messageId, work.record().offset(), dedupeWindow);
        return outcome(work, after, List.of(), active ? "handover-started" : "handover-ended");
    }

    /** The endpoint's fallback text to the user and the inbound record to the dead-letter topic. */
    private Turn failed(Work work, Endpoint endpoint, ConversationState after, String reason, Exception cause) {
        List<ProducerRecord<String, byte[]>> out = new ArrayList<>();
        if (work.event().kind() != InboundKind.HANDOVER) {
            ObjectNode text = Json.mapper().createObjectNode().put("type", "text");
            text.putObject("text").put("body", endpoint.settings().cognigy().fallbackText());
            out.add(records.fallback(work, endpoint, text));
        }
        out.add(records.deadLetter(work.record(), reason, cause.getMessage()));
        meters.counter("wabridge.processor.dead.letters", "reason", reason).increment();
        return outcome(work, after, out, "fallback");
    }

    private Turn deadLetterOnly(Work work, ConversationState after, String reason, String detail) {
        meters.counter("wabridge.processor.dead.letters", "reason", reason).increment();
        return new Turn(work, after, List.of(records.deadLetter(work.record(), reason, detail)));
    }

    private static String textOf(JsonNode output) {
        JsonNode text = output.get("text");
        return text == null || text.isNull() ? null : text.asText();
    }

    private static boolean oversized(List<ProducerRecord<String, byte[]>> records) {
        return records.stream().anyMatch(record -> record.value() != null && record.value().length > MAX_RECORD_BYTES);
    }

    private List<ObjectNode> convert(JsonNode output) {
        Adjustments adjustments = new Adjustments();
        List<ObjectNode> messages = outputMapper.map(output, adjustments);
        for (String reason : adjustments.reasons()) {
            meters.counter("wabridge.processor.output.adjusted", "reason", reason).increment();
        }
        if (!adjustments.reasons().isEmpty()) {
            log.warn("Adjusted a Cognigy output to fit WhatsApp: {}", adjustments.reasons());
        }
        return messages;
    }

    private Turn outcome(Work work, ConversationState after, List<ProducerRecord<String, byte[]>> out, String outcome) {
        meters.counter("wabridge.processor.turns", "outcome", outcome).increment();
        return new Turn(work, after, out);
    }

    /** Sessions expire by event time, so a backlog after an outage does not expire them. */
    private Instant eventTime(InboundEvent event) {
        if (event.receivedAt() != null) {
            return event.receivedAt();
        }
        return event.sentAt() != null ? event.sentAt() : clock.instant();
    }
}
