package io.wabridge.processor.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.wabridge.model.ConversationKey;
import io.wabridge.model.Json;
import io.wabridge.model.event.InboundEvent;
import io.wabridge.model.event.InboundKind;
import io.wabridge.model.state.ConversationState;
import io.wabridge.model.state.UserIdentity;
import io.wabridge.processor.identity.IdentityChange;
import io.wabridge.processor.identity.SeenIds;
import io.wabridge.support.kafka.EventCodec;
import io.wabridge.support.observe.RecordTracing;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.TimestampType;

/**
 * Turns that move a conversation's state to the key that continues it (docs/events.md,
 * "Conversation key"). Conversations are keyed on the business-scoped user id, and a conversation
 * claims the state of the key it continues:
 * <ul>
 *   <li><b>after an upgrade</b>, the phone-number key earlier versions used: by the first message of
 *       a new conversation that carries a phone number;</li>
 *   <li><b>after an identity change</b> ({@code user_changed_number}, {@code user_changed_user_id}),
 *       the previous id's key: by the change message, which ingress keys on the new id.</li>
 * </ul>
 * The claiming input waits, parked in the conversation's state, and so does every input after it;
 * an {@code identity_claim} on the inbound topic asks the old key for its state. The old key's turn
 * comes after everything that key received before, and answers with an {@code identity_transfer}
 * carrying its state (or none), leaving a marker that forwards whatever still arrives there. The new
 * conversation adopts the state, then handles the parked inputs in order. Every record of it is
 * written in the turn's transaction, so a crash repeats a step whole or not at all.
 */
final class IdentityTurns {

    private final EventCodec codec;
    private final String inboundTopic;
    private final boolean claimLegacyState;
    private final int dedupeWindow;
    private final TurnEnds ends;
    private final MeterRegistry meters;

    IdentityTurns(EventCodec codec, String inboundTopic, boolean claimLegacyState, int dedupeWindow, TurnEnds ends,
                  MeterRegistry meters) {
        this.codec = codec;
        this.inboundTopic = inboundTopic;
        this.claimLegacyState = claimLegacyState;
        this.dedupeWindow = dedupeWindow;
        this.ends = ends;
        this.meters = meters;
    }

    /**
     * A conversation that moved forwards every input to where it went; a claim on it is answered
     * with nothing (its state went already, to whoever continued it).
     */
    Optional<Turn> ifMoved(Work work, ConversationState state, String messageId) {
        if (state.movedTo() == null) {
            return Optional.empty();
        }
        long offset = work.record().offset();
        if (offset <= state.lastOffset()) {
            return Optional.of(ends.outcome(work, null, List.of(), "duplicate"));
        }
        ConversationState after = state.remember(null, offset, dedupeWindow);
        if (work.event().kind() == InboundKind.IDENTITY_CLAIM) {
            String claimant = work.event().data().path("claimant").asText();
            return Optional.of(counted("claim-answered", ends.outcome(work, after,
                    List.of(transfer(work, claimant, null)), "identity-claim")));
        }
        InboundEvent forwarded = rekeyed(work.event(), state.movedTo());
        return Optional.of(counted("forwarded", ends.outcome(work, after,
                List.of(codec.record(inboundTopic, state.movedTo(), forwarded, RecordTracing.passedOn(work.record()))), "identity-forwarded")));
    }

    /**
     * The identity turns proper, after dedupe: adopting a transfer, parking while a claim is
     * pending, answering a claim, and claiming. Empty = an ordinary turn.
     *
     * @param inline handles one input within this turn (the parked ones after a transfer)
     */
    Optional<Turn> apply(Work work, ConversationState state, String messageId, BiFunction<Work, ConversationState, Turn> inline) {
        InboundEvent event = work.event();
        long offset = work.record().offset();
        if (event.kind() == InboundKind.IDENTITY_TRANSFER) {
            return Optional.of(adopt(work, state, messageId, inline));
        }
        if (!state.parked().isEmpty()) {
            return Optional.of(counted("parked", ends.outcome(work, state.withParked(rekeyed(event, work.key()), offset), List.of(),
                    "identity-parked")));
        }
        if (event.kind() == InboundKind.IDENTITY_CLAIM) {
            String claimant = event.data().path("claimant").asText();
            ConversationState moved = state.isNew() ? null : state;
            ConversationState marker = state.remember(messageId, offset, dedupeWindow).movedTo(claimant);
            return Optional.of(counted(moved == null ? "claim-answered" : "claim-transferred", ends.outcome(work, marker,
                    List.of(transfer(work, claimant, moved)), "identity-claim")));
        }
        return claimed(work, state).map(claimedKey -> claim(work, state, claimedKey));
    }

    /**
     * The key whose state this input claims: the previous id's for an identity change; for the
     * first message of a new conversation with a phone number, that number's (the key of earlier versions).
     */
    private Optional<String> claimed(Work work, ConversationState state) {
        InboundEvent event = work.event();
        Optional<IdentityChange> change = IdentityChange.of(event);
        if (change.isPresent()) {
            return change.get().continues(event, work.key());
        }
        if (!claimLegacyState || event.kind() != InboundKind.MESSAGE || !state.isNew()) {
            return Optional.empty();
        }
        String phone = SeenIds.of(event, work.key()).phoneNumber();
        if (phone == null) {
            return Optional.empty();
        }
        String legacyKey = new ConversationKey(ConversationKey.parse(work.key()).phoneNumberId(), phone).toString();
        return legacyKey.equals(work.key()) ? Optional.empty() : Optional.of(legacyKey);
    }

    /** Parks the input and asks {@code claimedKey} for its state. */
    private Turn claim(Work work, ConversationState state, String claimedKey) {
        InboundEvent event = work.event();
        ObjectNode data = Json.mapper().createObjectNode().put("claimant", work.key());
        InboundEvent claim = internal(event, "identity-claim/" + work.key() + "/" + work.record().offset(), InboundKind.IDENTITY_CLAIM,
                claimedKey, ConversationKey.parse(claimedKey).userId(), data);
        ConversationState parked = state.withParked(rekeyed(event, work.key()), work.record().offset());
        return counted("claimed", ends.outcome(work, parked,
                List.of(codec.record(inboundTopic, claimedKey, claim, RecordTracing.passedOn(work.record()))), "identity-parked"));
    }

    /**
     * Takes over the state a transfer carries, then handles the inputs parked here, oldest first,
     * each as its own turn within this one: so they keep their order against everything that
     * arrives after the transfer.
     */
    private Turn adopt(Work work, ConversationState state, String messageId, BiFunction<Work, ConversationState, Turn> inline) {
        JsonNode data = work.event().data();
        ConversationState moved = read(data.get("state"), ConversationState.class);
        List<InboundEvent> pending = state.parked();
        ConversationState base = moved == null ? state : state.adopting(moved, dedupeWindow);
        ConversationState current = base.withoutParked().remember(messageId, work.record().offset(), dedupeWindow);
        if (base.identity() == null && moved != null && moved.identity() == null) {
            // State of an earlier version knew the user by its key alone: the flow keeps seeing that id.
            current = current.withIdentity(UserIdentity.ofLegacyKey(data.path("from").asText()));
        }
        meters.counter("wabridge.processor.identity", "step", moved == null ? "adopted-nothing" : "adopted").increment();
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        for (InboundEvent input : pending) {
            Turn turn = inline.apply(inlineWork(work, rekeyed(input, work.key())), current);
            records.addAll(turn.records());
            if (turn.state() != null) {
                current = turn.state();
            }
        }
        return ends.outcome(work, current, records, "identity-adopted");
    }

    private ProducerRecord<String, byte[]> transfer(Work work, String to, ConversationState state) {
        ObjectNode data = Json.mapper().createObjectNode().put("from", work.key());
        data.set("state", state == null ? null : Json.mapper().valueToTree(state));
        InboundEvent transfer = internal(work.event(), "identity-transfer/" + work.key() + "/" + work.record().offset(),
                InboundKind.IDENTITY_TRANSFER, to, ConversationKey.parse(to).userId(), data);
        return codec.record(inboundTopic, to, transfer, RecordTracing.passedOn(work.record()));
    }

    /** One carried or parked input, handled within the transfer's turn: same partition and offset, its own event. */
    private Work inlineWork(Work transfer, InboundEvent input) {
        ConsumerRecord<String, byte[]> source = transfer.record();
        ProducerRecord<String, byte[]> encoded = codec.record(source.topic(), transfer.key(), input, null);
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(source.topic(), source.partition(), source.offset(),
                source.timestamp(), TimestampType.CREATE_TIME, -1, encoded.value().length, transfer.key(), encoded.value(),
                encoded.headers(), Optional.empty());
        return new Work(record, input, transfer.key(), true);
    }

    private static InboundEvent internal(InboundEvent cause, String eventId, InboundKind kind, String key, String userId,
                                         JsonNode data) {
        return new InboundEvent(InboundEvent.SCHEMA_VERSION, eventId, kind, cause.endpointId(), cause.phoneNumberId(), key, userId,
                null, null, cause.sentAt(), null, null, null, data, null, null, null, null);
    }

    static InboundEvent rekeyed(InboundEvent event, String key) {
        if (key.equals(event.conversationKey())) {
            return event;
        }
        return new InboundEvent(event.schemaVersion(), event.eventId(), event.kind(), event.endpointId(), event.phoneNumberId(), key,
                event.userId(), event.messageId(), event.messageType(), event.sentAt(), event.receivedAt(), event.contactName(),
                event.text(), event.data(), event.sessionId(), event.message(), event.contact(), event.metadata());
    }

    private Turn counted(String step, Turn turn) {
        meters.counter("wabridge.processor.identity", "step", step).increment();
        return turn;
    }

    private static <T> T read(JsonNode node, Class<T> type) {
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            return Json.mapper().treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("unreadable " + type.getSimpleName() + " in an identity transfer: " + e.getOriginalMessage(), e);
        }
    }
}
