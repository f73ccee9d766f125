package io.wabridge.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wabridge.model.event.DeliveryStatus;
import io.wabridge.model.event.HandoverEvent;
import io.wabridge.model.event.HandoverEventType;
import io.wabridge.model.event.HandoverStatus;
import io.wabridge.model.event.InboundEvent;
import io.wabridge.model.event.InboundKind;
import io.wabridge.model.event.OutboundKind;
import io.wabridge.model.event.OutboundMessage;
import io.wabridge.model.event.QuarantineRecord;
import io.wabridge.model.event.StatusEvent;
import io.wabridge.model.event.StatusSource;
import io.wabridge.model.event.TranscriptDirection;
import io.wabridge.model.event.TranscriptEntry;
import io.wabridge.model.state.BotPause;
import io.wabridge.model.state.ConversationState;
import io.wabridge.model.state.LedgerEntry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Every event version reads from its golden fixture and writes back exactly the same JSON. */
class GoldenEventsTest {

    static Stream<Arguments> fixtures() {
        return Stream.of(
                Arguments.of("golden/inbound-v1.json", EventType.INBOUND),
                Arguments.of("golden/inbound-inject-v1.json", EventType.INBOUND),
                Arguments.of("golden/inbound-echo-v1.json", EventType.INBOUND),
                Arguments.of("golden/inbound-thread-control-v1.json", EventType.INBOUND),
                Arguments.of("golden/inbound-standby-v1.json", EventType.INBOUND),
                Arguments.of("golden/status-v1.json", EventType.STATUS),
                Arguments.of("golden/outbound-v1.json", EventType.OUTBOUND),
                Arguments.of("golden/quarantine-v1.json", EventType.QUARANTINE),
                Arguments.of("golden/change-v1.json", EventType.CHANGE),
                Arguments.of("golden/transcript-v1.json", EventType.TRANSCRIPT),
                Arguments.of("golden/conversation-state-v2.json", EventType.CONVERSATION_STATE),
                Arguments.of("golden/conversation-state-v2-paused.json", EventType.CONVERSATION_STATE),
                Arguments.of("golden/handover-v1.json", EventType.HANDOVER),
                Arguments.of("golden/handover-user-message-v1.json", EventType.HANDOVER),
                Arguments.of("golden/conversation-state-v2-handover.json", EventType.CONVERSATION_STATE),
                Arguments.of("golden/send-ledger-v1.json", EventType.SEND_LEDGER),
                Arguments.of("golden/send-ledger-intent-v1.json", EventType.SEND_LEDGER));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void roundTripsGoldenFixtureUnchanged(String resource, EventType type) throws Exception {
        JsonNode golden = Fixtures.tree(resource);

        Object event = Json.fromBytes(Fixtures.bytes(resource), type.recordType());
        JsonNode written = Json.mapper().readTree(Json.toBytes(event));

        assertThat(written).isEqualTo(golden);
        assertThat(golden.get("schemaVersion").asInt()).isEqualTo(type.schemaVersion());
    }

    @Test
    void readsInboundMessageFields() {
        InboundEvent event = Json.fromBytes(Fixtures.bytes("golden/inbound-v1.json"), InboundEvent.class);

        assertThat(event.kind()).isEqualTo(InboundKind.MESSAGE);
        assertThat(event.conversationKey()).isEqualTo("106540352242922:16505551234");
        assertThat(event.sentAt()).isEqualTo(Instant.ofEpochSecond(1749416383L));
        assertThat(event.message().at("/text/body").asText()).isEqualTo("Does it come in another color?");
    }

    @Test
    void readsStatusWithErrors() {
        StatusEvent event = Json.fromBytes(Fixtures.bytes("golden/status-v1.json"), StatusEvent.class);

        assertThat(event.source()).isEqualTo(StatusSource.WEBHOOK);
        assertThat(event.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(event.errors()).singleElement().satisfies(error -> assertThat(error.code()).isEqualTo(131047));
    }

    @Test
    void readsOutboundMessageBody() {
        OutboundMessage message = Json.fromBytes(Fixtures.bytes("golden/outbound-v1.json"), OutboundMessage.class);

        assertThat(message.kind()).isEqualTo(OutboundKind.MESSAGE);
        assertThat(message.message().at("/interactive/action/buttons/1/reply/id").asText()).isEqualTo("BLUE");
    }

    @Test
    void readsTranscriptEntry() {
        TranscriptEntry entry = Json.fromBytes(Fixtures.bytes("golden/transcript-v1.json"), TranscriptEntry.class);

        assertThat(entry.direction()).isEqualTo(TranscriptDirection.USER);
        assertThat(entry.index()).isNull();
        assertThat(entry.masked()).isFalse();
        assertThat(entry.data().path("channel").asText()).isEqualTo("whatsapp");
    }

    @Test
    void readsConversationState() {
        ConversationState state = Json.fromBytes(Fixtures.bytes("golden/conversation-state-v1.json"), ConversationState.class);

        assertThat(state.sessionId()).isEqualTo("5f0c1a64-2f4e-3b8a-9a51-0c6f0e3b7d21");
        assertThat(state.lastActivity()).isEqualTo(Instant.parse("2025-06-08T21:00:05Z"));
        assertThat(state.recentMessageIds()).hasSize(2).last().isEqualTo("7d5c2e1a-91b3-3c1e-8f0e-3d2b1a0c9e44");
        assertThat(state.handover()).isTrue();
        assertThat(state.lastOffset()).isEqualTo(4711);
    }

    @Test
    void readsTheKindsOfWhatsAppsOwnHumans() {
        InboundEvent echo = Json.fromBytes(Fixtures.bytes("golden/inbound-echo-v1.json"), InboundEvent.class);
        InboundEvent control = Json.fromBytes(Fixtures.bytes("golden/inbound-thread-control-v1.json"), InboundEvent.class);
        InboundEvent standby = Json.fromBytes(Fixtures.bytes("golden/inbound-standby-v1.json"), InboundEvent.class);

        assertThat(echo.kind()).isEqualTo(InboundKind.ECHO);
        assertThat(echo.message().path("to").asText()).isEqualTo("+16505551234");
        assertThat(control.kind()).isEqualTo(InboundKind.THREAD_CONTROL);
        assertThat(control.messageType()).isEqualTo("control_taken");
        assertThat(control.messageId()).isNull();
        assertThat(standby.kind()).isEqualTo(InboundKind.STANDBY);
        assertThat(standby.data().path("standby").asText()).isEqualTo("messages");
    }

    /** A paused conversation keeps its pause through the changelog; state written before pauses existed is not paused. */
    @Test
    void readsAPausedConversationStateAndOlderStateAsNotPaused() {
        ConversationState paused = Json.fromBytes(Fixtures.bytes("golden/conversation-state-v2-paused.json"), ConversationState.class);
        ConversationState older = Json.fromBytes(Fixtures.bytes("golden/conversation-state-v1.json"), ConversationState.class);

        assertThat(paused.pause()).isEqualTo(new BotPause(BotPause.Cause.HUMAN_REPLY, Instant.parse("2025-06-08T21:03:00Z"),
                Instant.parse("2025-06-09T01:03:00Z")));
        assertThat(paused.pauseAt(Instant.parse("2025-06-09T01:02:59Z"))).isNotNull();
        assertThat(paused.pauseAt(Instant.parse("2025-06-09T01:03:00Z"))).as("ends at until").isNull();
        assertThat(older.pause()).isNull();
        assertThat(older.pauseAt(Instant.parse("2025-06-08T21:00:06Z"))).isNull();
    }

    @Test
    void readsHandoverEvents() {
        HandoverEvent requested = Json.fromBytes(Fixtures.bytes("golden/handover-v1.json"), HandoverEvent.class);
        HandoverEvent message = Json.fromBytes(Fixtures.bytes("golden/handover-user-message-v1.json"), HandoverEvent.class);

        assertThat(requested.type()).isEqualTo(HandoverEventType.STATUS);
        assertThat(requested.status()).isEqualTo(HandoverStatus.REQUESTED);
        assertThat(requested.providerData().path("team").asText()).isEqualTo("billing");
        assertThat(message.type()).isEqualTo(HandoverEventType.USER_MESSAGE);
        assertThat(message.sequence()).isEqualTo(2L);
        assertThat(message.message().at("/image/id").asText()).isEqualTo("1003383421387256");
    }

    /** The flag of a build before the lifecycle meant "an agent has it": it still does. */
    @Test
    void readsTheHandoverOfStateWrittenBeforeTheLifecycleAsActive() {
        ConversationState old = Json.fromBytes(Fixtures.bytes("golden/conversation-state-v1.json"), ConversationState.class);

        assertThat(old.handoverState()).isNull();
        assertThat(old.openHandover().status()).isEqualTo(HandoverStatus.ACTIVE);
        assertThat(old.openHandover().id()).isEqualTo(ConversationState.LEGACY_HANDOVER_ID);
    }

    @Test
    void readsConversationStateWithAHandover() {
        ConversationState state = Json.fromBytes(Fixtures.bytes("golden/conversation-state-v2-handover.json"), ConversationState.class);

        assertThat(state.handover()).isTrue();
        assertThat(state.openHandover()).isSameAs(state.handoverState());
        assertThat(state.handoverState().status()).isEqualTo(HandoverStatus.QUEUED);
        assertThat(state.handoverState().queuePosition()).isEqualTo(3);
        assertThat(state.handoverState().forwarded()).isEqualTo(2);
    }

    /** The changelog value as written before it carried its version (the header said 1) reads as version 1. */
    @Test
    void readsConversationStateWrittenWithoutAVersionInTheValue() throws Exception {
        ConversationState unversioned = Json.fromBytes(Fixtures.bytes("golden/conversation-state-v1-unversioned.json"),
                ConversationState.class);

        assertThat(unversioned).isEqualTo(Json.fromBytes(Fixtures.bytes("golden/conversation-state-v1.json"), ConversationState.class));
        JsonNode writtenBack = Json.mapper().readTree(Json.toBytes(unversioned));
        assertThat(writtenBack).isEqualTo(Fixtures.tree("golden/conversation-state-v1.json"));
    }

    @Test
    void readsLedgerEntry() {
        LedgerEntry entry = Json.fromBytes(Fixtures.bytes("golden/send-ledger-v1.json"), LedgerEntry.class);

        assertThat(entry.outboundId()).isEqualTo("8b1f6c2d-4a3e-3f5b-b6c7-1d2e3f4a5b6c");
        assertThat(entry.wamid()).startsWith("wamid.");
        assertThat(entry.conversationKey()).isEqualTo("106540352242922:16505551234");
        assertThat(entry.acceptedAt()).isEqualTo(Instant.parse("2025-06-08T21:00:06.250Z"));
        assertThat(entry.isIntent()).as("an entry without a state is an accepted send").isFalse();
    }

    @Test
    void readsLedgerIntent() {
        LedgerEntry intent = Json.fromBytes(Fixtures.bytes("golden/send-ledger-intent-v1.json"), LedgerEntry.class);

        assertThat(intent.isIntent()).isTrue();
        assertThat(intent).isEqualTo(LedgerEntry.intent("8b1f6c2d-4a3e-3f5b-b6c7-1d2e3f4a5b6c", "106540352242922",
                "106540352242922:16505551234"));
    }

    @Test
    void keepsQuarantinedBodyBytesExactly() {
        QuarantineRecord record = Json.fromBytes(Fixtures.bytes("golden/quarantine-v1.json"), QuarantineRecord.class);

        assertThat(new String(record.body(), StandardCharsets.UTF_8)).isEqualTo("{\"object\":");
    }

    @Test
    void readsAStatusMetaAddsLaterAsUnknown() {
        String json = "{\"schemaVersion\":1,\"eventId\":\"e\",\"status\":\"teleported\",\"conversationKey\":\"1:2\"}";

        StatusEvent event = Json.fromBytes(json.getBytes(StandardCharsets.UTF_8), StatusEvent.class);

        assertThat(event.status()).isEqualTo(DeliveryStatus.UNKNOWN);
    }

    @Test
    void headerTypeNamesAreLogicalNotClassNames() {
        for (EventType type : EventType.values()) {
            assertThat(type.wireName()).doesNotContain(".").doesNotContain("Event");
            assertThat(EventType.ofWireName(type.wireName())).isEqualTo(type);
            assertThat(EventType.of(type.recordType())).isEqualTo(type);
        }
    }
}
