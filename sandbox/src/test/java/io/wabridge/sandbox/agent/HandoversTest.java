package io.wabridge.sandbox.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import io.wabridge.model.Json;
import org.junit.jupiter.api.Test;

class HandoversTest {

    private static final String KEY = "100000000000001:4915550000015";

    private static JsonNode status(String eventId, String status) {
        return Json.mapper().createObjectNode().put("eventId", eventId).put("type", "status").put("handoverId", "h1")
                .put("endpointId", "demo").put("conversationKey", KEY).put("contactName", "Ada").put("status", status)
                .put("timestamp", "2026-12-03T10:00:00Z");
    }

    private static JsonNode userMessage(String eventId, long sequence, String text) {
        return Json.mapper().createObjectNode().put("eventId", eventId).put("type", "user_message").put("handoverId", "h1")
                .put("conversationKey", KEY).put("sequence", sequence).put("messageType", "text").put("text", text)
                .put("timestamp", "2026-12-03T10:00:01Z");
    }

    @Test
    void anOpenHandoverCollectsTheUsersMessagesOnceAndInOrderAndKeysTheApiOnTheConversationsUserId() {
        Handovers handovers = new Handovers();
        handovers.apply(status("e1", "requested"));
        handovers.apply(status("e2", "queued"));
        handovers.apply(userMessage("e3", 1, "first"));
        handovers.apply(userMessage("e3", 1, "first")); // a replayed turn writes the same event id
        handovers.apply(userMessage("e4", 2, "second"));
        handovers.agentSaid("h1", "hello");

        assertThat(handovers.open()).singleElement().satisfies(handover -> {
            assertThat(handover.status()).isEqualTo("queued");
            assertThat(handover.userId()).isEqualTo("4915550000015");
            assertThat(handover.contactName()).isEqualTo("Ada");
            assertThat(handover.entries()).extracting(Handovers.Entry::from, Handovers.Entry::text)
                    .containsExactly(tuple("user", "first"), tuple("user", "second"), tuple("agent", "hello"));
        });
    }

    @Test
    void anEndedHandoverIsNoLongerOpenAndAMessageWithoutItsStartIsIgnored() {
        Handovers handovers = new Handovers();
        handovers.apply(userMessage("e0", 1, "before the desk saw the start"));
        assertThat(handovers.open()).isEmpty();

        handovers.apply(status("e1", "requested"));
        assertThat(handovers.open()).hasSize(1);
        handovers.apply(status("e2", "ended"));
        assertThat(handovers.open()).isEmpty();
        assertThat(handovers.find("h1")).isEmpty();
    }
}
