package io.wabridge.processor.pipeline;

import io.micrometer.core.instrument.MeterRegistry;
import io.wabridge.model.event.InboundEvent;
import io.wabridge.model.event.InboundKind;
import io.wabridge.model.privacy.Masking;
import io.wabridge.model.state.ConversationState;
import io.wabridge.model.state.UserIdentity;
import io.wabridge.processor.cognigy.CognigyClient;
import io.wabridge.processor.handover.Handovers;
import io.wabridge.processor.humans.BotPauses;
import io.wabridge.processor.identity.SeenIds;
import io.wabridge.processor.input.MediaUrls;
import io.wabridge.processor.output.OutputMapper;
import io.wabridge.processor.transform.Transformers;
import io.wabridge.processor.translate.Translations;
import io.wabridge.support.endpoint.Endpoint;
import io.wabridge.support.endpoint.Endpoints;
import io.wabridge.support.kafka.EventCodec;
import io.wabridge.support.observe.RecordTracing;
import io.wabridge.support.privacy.LogMasking;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles one inbound record given its conversation's state. Dedupe and the endpoint lookup come
 * first; then the record's kind picks a short list of {@link TurnStage}s that run in order:
 * <ul>
 *   <li>message, inject: session → input mapping → handover routing (to the agent side while a handover is
 *       open) → input transformer → input translation → Cognigy → handover marker (a flow's start) →
 *       output translation → output mapping → output transformer → records</li>
 *   <li>notify, agent reply: direct output → agent reply (the handover's timer) → notify transformer →
 *       output translation → output mapping → records</li>
 *   <li>handover command: session → the command (start, queued, active, end, inactivity) → when it ended the
 *       handover, the flow's end input: Cognigy → output translation → output mapping → output transformer → records</li>
 *   <li>echo, thread control, standby (WhatsApp's own humans): the bot's pause, nothing sent</li>
 *   <li>identity claim and transfer: {@link IdentityTurns}, before dedupe and stages</li>
 * </ul>
 * While the bot is paused, the message and notify lists stop at their first stage, {@link PauseStage}.
 * Runs on a worker thread; never more than one turn per conversation at a time, so check-and-remember
 * of a message id cannot race. Never throws: every failure becomes a fallback reply and a dead letter.
 */
class TurnHandler {

    private static final Logger log = LoggerFactory.getLogger(TurnHandler.class);
    /** See {@link RecordsStage#MAX_RECORD_BYTES}. */
    static final int MAX_RECORD_BYTES = RecordsStage.MAX_RECORD_BYTES;

    private final Endpoints endpoints;
    private final TurnEnds ends;
    private final int dedupeWindow;
    private final Clock clock;
    private final RecordTracing tracing;
    private final List<TurnStage> toFlow;
    private final List<TurnStage> toUser;
    private final IdentityTurns identity;
    private final BotPauses pauses;

    /** See {@link TurnHandler#TurnHandler(Endpoints, CognigyClient, MediaUrls, OutputMapper, OutboundRecords, int, Clock, MeterRegistry, RecordTracing, Transformers, Translations, IdentityRouting)}. */
    record IdentityRouting(EventCodec codec, String inboundTopic, boolean claimLegacyState) {
    }
    private final List<TurnStage> handoverCommand;

    TurnHandler(Endpoints endpoints, CognigyClient cognigy, MediaUrls mediaUrls, OutputMapper outputMapper,
                OutboundRecords records, int dedupeWindow, Clock clock, MeterRegistry meters, RecordTracing tracing) {
        this(endpoints, cognigy, mediaUrls, outputMapper, records, dedupeWindow, clock, meters, tracing, Transformers.none());
    }

    TurnHandler(Endpoints endpoints, CognigyClient cognigy, MediaUrls mediaUrls, OutputMapper outputMapper,
                OutboundRecords records, int dedupeWindow, Clock clock, MeterRegistry meters, RecordTracing tracing,
                Transformers transformers) {
        this(endpoints, cognigy, mediaUrls, outputMapper, records, dedupeWindow, clock, meters, tracing, transformers,
                Translations.none());
    }

    TurnHandler(Endpoints endpoints, CognigyClient cognigy, MediaUrls mediaUrls, OutputMapper outputMapper,
                OutboundRecords records, int dedupeWindow, Clock clock, MeterRegistry meters, RecordTracing tracing,
                Transformers transformers, Translations translations) {
        this(endpoints, cognigy, mediaUrls, outputMapper, records, dedupeWindow, clock, meters, tracing, transformers, translations,
                new IdentityRouting(new EventCodec(), "whatsapp.inbound", true), Handovers.kafkaOnly(meters, clock));
    }

    /**
     * @param routing   where identity claims and transfers go (the inbound topic) and whether a new
     *                  conversation claims the state of its phone-number key ({@code wabridge.processor.conversations.claim-legacy-state})
     * @param handovers the handover providers and lifecycle
     */
    TurnHandler(Endpoints endpoints, CognigyClient cognigy, MediaUrls mediaUrls, OutputMapper outputMapper,
                OutboundRecords records, int dedupeWindow, Clock clock, MeterRegistry meters, RecordTracing tracing,
                Transformers transformers, Translations translations, IdentityRouting routing, Handovers handovers) {
        this.endpoints = endpoints;
        this.ends = new TurnEnds(records, meters);
        this.identity = new IdentityTurns(routing.codec(), routing.inboundTopic(), routing.claimLegacyState(), dedupeWindow, ends, meters);
        this.dedupeWindow = dedupeWindow;
        this.clock = clock;
        this.tracing = tracing;
        this.pauses = new BotPauses(meters);
        PauseStage pause = new PauseStage(ends, dedupeWindow, meters);
        OutputMappingStage outputMapping = new OutputMappingStage(outputMapper, meters);
        RecordsStage recordsStage = new RecordsStage(records, ends, dedupeWindow, meters);
        InputTransformStage inputTransform = new InputTransformStage(transformers, records, ends, meters, dedupeWindow);
        OutputTranslationStage outputTranslation = new OutputTranslationStage(translations, outputMapper.settings());
        CognigyStage cognigyStage = new CognigyStage(cognigy, tracing, ends, dedupeWindow);
        OutputTransformStage outputTransform = new OutputTransformStage(transformers, outputMapping, meters);
        SessionStage session = new SessionStage();
        // A turn that ends without the flow: what it shows the user, then its records.
        List<TurnStage> withoutFlow = List.of(outputTranslation, outputMapping, recordsStage);
        this.toFlow = List.of(
                pause,
                session,
                new InputMappingStage(mediaUrls),
                new HandoverRoutingStage(handovers, withoutFlow),
                inputTransform,
                new InputTranslationStage(translations),
                cognigyStage,
                new HandoverMarkerStage(handovers, cognigyStage),
                outputTranslation,
                outputMapping,
                outputTransform,
                recordsStage);
        this.toUser = List.of(
                pause,
                new DirectOutputStage(),
                new AgentReplyStage(handovers),
                inputTransform,
                outputTranslation,
                outputMapping,
                recordsStage);
        this.handoverCommand = List.of(
                session,
                new HandoverCommandStage(handovers, withoutFlow, ends, dedupeWindow),
                cognigyStage,
                outputTranslation,
                outputMapping,
                outputTransform,
                recordsStage);
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
        if (!work.inline()) {
            Optional<Turn> forwarded = identity.ifMoved(work, state, messageId);
            if (forwarded.isPresent()) {
                return forwarded.get();
            }
        }
        boolean handled = work.inline()
                ? !work.forced() && state.remembers(messageId)
                : state.alreadyHandled(messageId, offset, work.forced());
        if (handled) {
            Masking masking = LogMasking.forKey(endpoints, work.key());
            log.debug("Dropping {} for {}: already handled", masking.messageId(messageId), masking.key(work.key()));
            return ends.outcome(work, null, List.of(), "duplicate");
        }
        Optional<Endpoint> endpoint = endpoints.byId(event.endpointId()).or(() -> endpoints.byPhoneNumberId(event.phoneNumberId()));
        if (endpoint.isEmpty()) {
            log.error("No endpoint {} / phone number {} configured, dead-lettering {}", event.endpointId(),
                    event.phoneNumberId(), event.eventId());
            return ends.deadLetterOnly(work, state.remember(null, offset, dedupeWindow), "unknown-endpoint", event.endpointId());
        }
        // A parked claim is still a claim; other parked inputs were past their identity turn when they waited.
        if (!work.inline() || event.kind() == InboundKind.IDENTITY_CLAIM) {
            Optional<Turn> identityTurn = identity.apply(work, state, messageId, this::handleTraced);
            if (identityTurn.isPresent()) {
                return identityTurn.get();
            }
        }
        UserIdentity known = SeenIds.after(event, state.identityFor(work.key()), work.key());
        Turn turn = handleKnown(work.withIdentity(known), state, messageId, endpoint.get());
        // Whatever the turn did, the conversation now knows the user as this record showed them.
        return turn.state() == null ? turn : new Turn(turn.work(), turn.state().withIdentity(known), turn.records());
    }

    private Turn handleKnown(Work work, ConversationState state, String messageId, Endpoint endpoint) {
        InboundEvent event = work.event();
        long offset = work.record().offset();
        if (UserChanges.ignored(event, endpoint.settings())) {
            // Remembered as handled, so a redelivery is a duplicate; not user activity, not a window renewal.
            return ends.outcome(work, state.remember(messageId, offset, dedupeWindow), List.of(), "ignored");
        }
        try {
            Instant at = eventTime(event);
            ConversationState before = opensWindow(event) ? pauses.onUserMessage(state.withWindowRenewedBy(at), at) : state;
            return switch (event.kind()) {
                case MESSAGE, INJECT -> run(toFlow, new TurnContext(work, endpoint, messageId, before, at));
                case NOTIFY, AGENT_REPLY -> run(toUser, new TurnContext(work, endpoint, messageId, state, eventTime(event)));
                case HANDOVER -> run(handoverCommand, new TurnContext(work, endpoint, messageId, state, eventTime(event)));
                case ECHO, THREAD_CONTROL, STANDBY -> otherResponder(work, endpoint, state, messageId, at);
                case IDENTITY_CLAIM, IDENTITY_TRANSFER -> throw new IllegalStateException(event.kind() + " is an identity turn");
            };
        } catch (RuntimeException e) {
            Masking masking = LogMasking.of(endpoint);
            log.error("Handling {} for {} failed", event.eventId(), masking.key(work.key()), LogMasking.throwable(masking, e));
            return ends.failed(work, endpoint, state.remember(null, offset, dedupeWindow), "processing-failed", e);
        }
    }

    /** Runs the stages in order until one ends the turn (a stage may run the rest of a turn itself). */
    static Turn run(List<TurnStage> stages, TurnContext turn) {
        for (TurnStage stage : stages) {
            Optional<Turn> end = stage.apply(turn);
            if (end.isPresent()) {
                if (log.isTraceEnabled()) {
                    log.trace("Turn of {} ended at stage {}", turn.event().eventId(), stage.name());
                }
                return end.get();
            }
        }
        throw new IllegalStateException("no stage ended the turn of " + turn.event().eventId());
    }

    /** A record that cannot be read: straight to the dead-letter topic, never retried. */
    Turn unreadable(Work work, RuntimeException cause) {
        Masking masking = LogMasking.forKey(endpoints, work.record().key());
        log.error("Unreadable record {}-{}@{} (key {}), dead-lettering: {}", work.record().topic(), work.record().partition(),
                work.record().offset(), masking.key(work.record().key()), LogMasking.message(masking, cause));
        return ends.deadLetterOnly(work, null, "unreadable-event", cause.getMessage());
    }

    /** Last resort for a failure outside {@link #handle}'s own handling: dead-letter, move on. */
    Turn crashed(Work work, ConversationState state, Throwable cause) {
        Masking masking = LogMasking.forKey(endpoints, work.key());
        log.error("Handling {} for {} crashed", work.record().offset(), masking.key(work.key()), LogMasking.throwable(masking, cause));
        return ends.deadLetterOnly(work, state.remember(null, work.record().offset(), dedupeWindow), "processing-failed",
                String.valueOf(cause));
    }

    /** Someone else answers on WhatsApp's side: the bot's pause changes, nothing goes to the flow or the user. */
    private Turn otherResponder(Work work, Endpoint endpoint, ConversationState state, String messageId, Instant at) {
        BotPauses.Change change = pauses.on(work.event(), state, at, endpoint.settings().humanReplies());
        return ends.outcome(work, change.state().remember(messageId, work.record().offset(), dedupeWindow), List.of(), change.outcome());
    }

    /**
     * A user's message opens or renews the customer-service window; an edit or deletion of an
     * earlier one is not a new message, and inject, notify, agent reply and handover are not the user's.
     */
    static boolean opensWindow(InboundEvent event) {
        return event.kind() == InboundKind.MESSAGE && !UserChanges.isChange(event);
    }

    /** Sessions expire by event time, so a backlog after an outage does not expire them. */
    private Instant eventTime(InboundEvent event) {
        if (event.receivedAt() != null) {
            return event.receivedAt();
        }
        return event.sentAt() != null ? event.sentAt() : clock.instant();
    }
}
