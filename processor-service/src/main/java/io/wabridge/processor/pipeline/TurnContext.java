package io.wabridge.processor.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wabridge.model.event.InboundEvent;
import io.wabridge.model.state.ConversationState;
import io.wabridge.model.state.HandoverState;
import io.wabridge.model.Json;
import io.wabridge.processor.handover.HandoverContext;
import io.wabridge.processor.handover.HandoverTurn;
import io.wabridge.processor.input.CognigyInput;
import io.wabridge.support.endpoint.Endpoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What one turn carries from stage to stage. Mutable, and touched by one thread only: the
 * turn's worker. Each field says which stage fills it.
 */
final class TurnContext {

    final Work work;
    final Endpoint endpoint;
    /** The message id the turn is remembered by (the wamid, else the event id). */
    final String messageId;
    /** The conversation's state before the turn; stages replace it only through {@link #sessionStorage}. */
    final ConversationState state;
    /** Event time of the input: sessions expire by it. */
    final Instant at;

    /** Session stage: the Cognigy session of the turn. */
    String session;
    /** Input mapping (and the input transformer): the user id the flow sees. */
    String userId;
    /** Input mapping: what the flow receives; the input transformer may replace it. */
    CognigyInput input;
    /** Cognigy call (or the notify's own text and data): the outputs to show, in order. */
    List<JsonNode> outputs = List.of();
    /** Output mapping (and the output transformer): the WhatsApp messages of each output, aligned with {@link #outputs}. */
    List<List<ObjectNode>> messages = new ArrayList<>();
    /** The transformers' session storage after the turn; null = unchanged. */
    JsonNode sessionStorage;
    /** Input translation: the user's language detected this turn; null = unchanged. */
    ConversationState.UserLanguage userLanguage;
    /** Output translation: the list button label and default body in the user's language; null = the settings'. */
    String listButtonLabel;
    String defaultBodyText;
    /** Handover stages: the turn's view of the conversation's handover, when a stage touched it; its events go out with the turn. */
    HandoverTurn handover;
    /** Handover stages: the outcome counted instead of the path's own ({@code handover}…); null = the path's. */
    String outcome;
    /** Mirroring: only the first this many outputs (the handover's texts) go to the user; null = all. */
    Integer sentOutputs;
    /** The input is the flow's handover end input: a start marker in its outputs does not start another handover. */
    boolean handoverEndInput;
    /** Set by a stage that stopped the input on purpose (a transformer): the reason, for the transcript. */
    String droppedBy;

    TurnContext(Work work, Endpoint endpoint, String messageId, ConversationState state, Instant at) {
        this.work = work;
        this.endpoint = endpoint;
        this.messageId = messageId;
        this.state = state;
        this.at = at;
    }

    InboundEvent event() {
        return work.event();
    }

    long offset() {
        return work.record().offset();
    }

    /** The session storage the turn's transformers see: what earlier stages wrote, else the stored one. */
    JsonNode currentSessionStorage() {
        return sessionStorage != null ? sessionStorage : state.sessionStorage();
    }

    /** The state after the turn, with what the transformers stored. */
    ConversationState withStorage(ConversationState after) {
        if (after == null) {
            return null;
        }
        ConversationState stored = sessionStorage == null ? after : after.withSessionStorage(sessionStorage);
        stored = handover == null || !handover.changed() ? stored : stored.withHandoverState(handover.state());
        return userLanguage == null ? stored : stored.withUserLanguage(userLanguage);
    }

    /** What the handover package needs to know of this turn; call after the session stage. */
    HandoverContext handoverContext() {
        InboundEvent event = event();
        // The person as the flow knows them, stable across number changes (docs/cognigy-mapping.md, "User id").
        String userId = work.flowUserId(endpoint.settings().cognigy().userId());
        return new HandoverContext(endpoint.id(), endpoint.phoneNumberId(), work.key(), userId, event.contactName(),
                session != null ? session : state.sessionId(), event.eventId(), at);
    }

    /** Texts as outputs ({@code {text}}), to show like a flow's. */
    static List<JsonNode> textOutputs(List<String> texts) {
        List<JsonNode> outputs = new ArrayList<>();
        texts.forEach(text -> outputs.add(Json.mapper().createObjectNode().put("text", text)));
        return outputs;
    }

    /** The conversation's handover as this turn left it so far: the stage's view, else the stored one. */
    HandoverState currentHandover() {
        return handover != null ? handover.state() : state.handoverState() != null ? state.handoverState() : state.openHandover();
    }

    /** The user's language: detected this turn, else the stored one; null = not known yet. */
    ConversationState.UserLanguage currentUserLanguage() {
        return userLanguage != null ? userLanguage : state.userLanguage();
    }
}
