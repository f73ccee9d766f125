package io.wabridge.processor.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wabridge.model.event.InboundEvent;
import io.wabridge.model.state.ConversationState;
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
        return userLanguage == null ? stored : stored.withUserLanguage(userLanguage);
    }

    /** The user's language: detected this turn, else the stored one; null = not known yet. */
    ConversationState.UserLanguage currentUserLanguage() {
        return userLanguage != null ? userLanguage : state.userLanguage();
    }
}
