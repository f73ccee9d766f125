package io.wabridge.model.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.wabridge.model.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The customer-service window arithmetic on the conversation state. */
class ServiceWindowStateTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    @Test
    void aUserMessageOpensTheWindowForTwentyFourHours() {
        ConversationState state = ConversationState.NEW.withWindowRenewedBy(T0);

        assertThat(state.windowOpenUntil()).isEqualTo(T0.plus(Duration.ofHours(24)));
        assertThat(state.serviceWindowOpenAt(T0.plus(Duration.ofHours(23).plusMinutes(59)))).isTrue();
        assertThat(state.serviceWindowOpenAt(T0.plus(Duration.ofHours(24)))).isFalse();
    }

    @Test
    void aConversationWithoutAUserMessageHasAClosedWindow() {
        assertThat(ConversationState.NEW.serviceWindowUntil()).isNull();
        assertThat(ConversationState.NEW.serviceWindowOpenAt(T0)).isFalse();
    }

    @Test
    void aLaterMessageRenewsAndALateDeliveryOfAnOlderOneDoesNotShortenIt() {
        ConversationState renewed = ConversationState.NEW.withWindowRenewedBy(T0).withWindowRenewedBy(T0.plus(Duration.ofHours(5)));
        ConversationState late = renewed.withWindowRenewedBy(T0.plus(Duration.ofHours(1)));

        assertThat(renewed.windowOpenUntil()).isEqualTo(T0.plus(Duration.ofHours(29)));
        assertThat(late.windowOpenUntil()).isEqualTo(T0.plus(Duration.ofHours(29)));
    }

    @Test
    void turnsHandoversAndTheChangelogKeepTheWindow() {
        ConversationState state = ConversationState.NEW.withWindowRenewedBy(T0)
                .afterTurn("s", T0, "m1", 1, 20).remember("n1", 2, 20).withHandover(true).withSessionStorage(null);

        ConversationState read = Json.fromBytes(Json.toBytes(state), ConversationState.class);

        assertThat(read.windowOpenUntil()).isEqualTo(T0.plus(Duration.ofHours(24)));
    }

    @Test
    void stateWrittenBeforeTheWindowWasTrackedDerivesItFromTheLastUserInput() {
        String old = "{\"schemaVersion\":1,\"sessionId\":\"s\",\"lastActivity\":\"2026-01-01T10:00:00Z\","
                + "\"recentMessageIds\":[\"m1\"],\"handover\":false,\"lastOffset\":4}";

        ConversationState state = Json.fromBytes(old.getBytes(StandardCharsets.UTF_8), ConversationState.class);

        assertThat(state.windowOpenUntil()).isNull();
        assertThat(state.serviceWindowUntil()).isEqualTo(T0.plus(Duration.ofHours(24)));
        assertThat(state.serviceWindowOpenAt(T0.plus(Duration.ofHours(1)))).isTrue();
        assertThat(ConversationState.of(null, null, List.of("n"), false, 1).serviceWindowOpenAt(T0)).isFalse();
    }
}
