package io.wabridge.model.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wabridge.model.Json;
import io.wabridge.model.event.InboundEvent;
import io.wabridge.model.event.InboundKind;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConversationStateTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final Duration THIRTY_MINUTES = Duration.ofMinutes(30);

    @Test
    void stateWrittenBeforeTransformersReadsWithoutSessionStorage() {
        String old = "{\"sessionId\":\"s\",\"lastActivity\":\"2026-01-01T10:00:00Z\",\"recentMessageIds\":[\"m1\"],"
                + "\"handover\":false,\"lastOffset\":4}";

        ConversationState state = Json.fromBytes(old.getBytes(StandardCharsets.UTF_8), ConversationState.class);

        assertThat(state.sessionStorage()).isNull();
        assertThat(state.lastOffset()).isEqualTo(4);
    }

    @Test
    void theTransformersSessionStorageSurvivesTurnsAndTheChangelog() {
        JsonNode storage = Json.mapper().createObjectNode().put("userId", "u").put("sessionId", "s")
                .set("value", Json.mapper().createObjectNode().put("count", 1));
        ConversationState state = ConversationState.NEW.afterTurn("s", T0, "m1", 0, 20).withSessionStorage(storage)
                .afterTurn("s", T0, "m2", 1, 20).remember("n1", 2, 20).withHandover(true);

        ConversationState read = Json.fromBytes(Json.toBytes(state), ConversationState.class);

        assertThat(read.sessionStorage()).isEqualTo(storage);
        assertThat(read).isEqualTo(state);
    }

    @Test
    void stateWrittenBeforeTranslationReadsWithoutAUserLanguage() {
        String old = "{\"schemaVersion\":1,\"sessionId\":\"s\",\"recentMessageIds\":[],\"handover\":false,\"lastOffset\":4}";

        assertThat(Json.fromBytes(old.getBytes(StandardCharsets.UTF_8), ConversationState.class).userLanguage()).isNull();
    }

    @Test
    void theUserLanguageSurvivesTurnsTheOtherChangesAndTheChangelog() {
        ConversationState.UserLanguage german = new ConversationState.UserLanguage("de", 2);
        ConversationState state = ConversationState.NEW.afterTurn("s", T0, "m1", 0, 20).withUserLanguage(german)
                .afterTurn("s", T0, "m2", 1, 20).remember("n1", 2, 20).withHandover(true)
                .withSessionStorage(Json.mapper().createObjectNode());

        ConversationState read = Json.fromBytes(Json.toBytes(state), ConversationState.class);

        assertThat(read.userLanguage()).isEqualTo(german);
        assertThat(read).isEqualTo(state);
    }

    @Test
    void aForcedRecordSkipsTheMessageIdCheckButNotTheOffsetCheck() {
        ConversationState state = ConversationState.NEW.afterTurn("s", T0, "m1", 5, 20);

        assertThat(state.alreadyHandled("m1", 9, false)).isTrue();
        assertThat(state.alreadyHandled("m1", 9, true)).as("a forced replay of m1 at a new offset").isFalse();
        assertThat(state.alreadyHandled("m1", 5, true)).as("a redelivery after a crash stays dropped").isTrue();
    }

    @Test
    void keepsTheSessionWithinTheExpirationAndRenewsItAfter() {
        String first = ConversationState.NEW.sessionFor(T0, THIRTY_MINUTES, "e1");
        ConversationState state = ConversationState.NEW.afterTurn(first, T0, "m1", 0, 20);

        assertThat(state.sessionFor(T0.plus(Duration.ofMinutes(29)), THIRTY_MINUTES, "e2")).isEqualTo(first);
        assertThat(state.sessionFor(T0.plus(Duration.ofMinutes(31)), THIRTY_MINUTES, "e2")).isNotEqualTo(first);
    }

    @Test
    void expirationCountsFromTheLastActivity() {
        String session = ConversationState.NEW.sessionFor(T0, THIRTY_MINUTES, "e1");
        ConversationState state = ConversationState.NEW.afterTurn(session, T0, "m1", 0, 20)
                .afterTurn(session, T0.plus(Duration.ofMinutes(20)), "m2", 1, 20);
        assertThat(state.sessionFor(T0.plus(Duration.ofMinutes(45)), THIRTY_MINUTES, "e3")).isEqualTo(session);
    }

    @Test
    void zeroExpirationNeverExpires() {
        String session = ConversationState.NEW.sessionFor(T0, Duration.ZERO, "e1");
        ConversationState state = ConversationState.NEW.afterTurn(session, T0, "m1", 0, 20);
        assertThat(state.sessionFor(T0.plus(Duration.ofDays(400)), Duration.ZERO, "e2")).isEqualTo(session);
    }

    @Test
    void aNewSessionIdIsDerivedFromTheEventSoAReplayNamesTheSameSession() {
        assertThat(ConversationState.NEW.sessionFor(T0, THIRTY_MINUTES, "e1"))
                .isEqualTo(ConversationState.NEW.sessionFor(T0.plusSeconds(5), THIRTY_MINUTES, "e1"))
                .isNotEqualTo(ConversationState.NEW.sessionFor(T0, THIRTY_MINUTES, "e2"));
    }

    @Test
    void remembersABoundedWindowOfMessageIdsAndEveryOffsetUpToTheLast() {
        ConversationState state = ConversationState.NEW;
        for (int i = 0; i < 5; i++) {
            state = state.afterTurn("s", T0, "m" + i, 100 + i, 3);
        }
        assertThat(state.recentMessageIds()).containsExactly("m2", "m3", "m4");
        assertThat(state.alreadyHandled("m4", 500)).as("redelivery at a new offset").isTrue();
        assertThat(state.alreadyHandled("m0", 500)).as("fell out of the window").isFalse();
        assertThat(state.alreadyHandled("other", 103)).as("replayed offset").isTrue();
        assertThat(state.alreadyHandled("other", 105)).isFalse();
    }

    @Test
    void rememberingANotifyLeavesTheSessionActivityAlone() {
        ConversationState state = ConversationState.NEW.afterTurn("s", T0, "m1", 0, 20).remember("n1", 1, 20);
        assertThat(state.lastActivity()).isEqualTo(T0);
        assertThat(state.alreadyHandled("n1", 99)).isTrue();
    }

    /** The upgrade: state of version 1 knew the user by its key alone, which stays the id the flow sees. */
    @Test
    void stateOfVersionOneIsKnownByItsKeysUserId() {
        ConversationState v1 = ConversationState.of("s", T0, List.of("m1"), false, 4);

        assertThat(v1.withIdentity(null).identityFor("106540352242922:16505551234"))
                .isEqualTo(new UserIdentity("16505551234", null, "16505551234", null));
        assertThat(ConversationState.NEW.identityFor("106540352242922:16505551234")).as("nobody yet").isNull();
    }

    @Test
    void adoptingTakesTheMovedConversationsSessionHandoverWindowAndMemoryButKeepsItsOwnOffset() {
        ConversationState old = ConversationState.of("old-session", T0, List.of("m1", "m2"), true, 900)
                .withWindowRenewedBy(T0).withUserLanguage(new ConversationState.UserLanguage("de", 1))
                .withIdentity(new UserIdentity("16505551234", null, "16505551234", null));
        ConversationState waiting = ConversationState.NEW.withParked(message("m3"), 7);

        ConversationState adopted = waiting.adopting(old, 3).withoutParked();

        assertThat(adopted.sessionId()).isEqualTo("old-session");
        assertThat(adopted.handover()).isTrue();
        assertThat(adopted.serviceWindowUntil()).isEqualTo(T0.plus(ConversationState.SERVICE_WINDOW));
        assertThat(adopted.userLanguage().code()).isEqualTo("de");
        assertThat(adopted.identity().flowUserId()).isEqualTo("16505551234");
        assertThat(adopted.lastOffset()).as("offsets are per partition").isEqualTo(7);
        assertThat(adopted.alreadyHandled("m1", 8)).as("a message handled under the old key").isTrue();
        assertThat(adopted.parked()).isEmpty();
        assertThat(adopted.movedTo()).isNull();
    }

    @Test
    void aParkedInputIsADuplicateWhileItWaitsAndAMovedConversationKeepsOnlyItsOffset() {
        ConversationState waiting = ConversationState.NEW.withParked(message("m1"), 3);

        assertThat(waiting.alreadyHandled("m1", 10)).isTrue();
        assertThat(waiting.isNew()).isFalse();
        ConversationState marker = ConversationState.of("s", T0, List.of("m0"), true, 12).movedTo("1:US.1");
        assertThat(marker.movedTo()).isEqualTo("1:US.1");
        assertThat(marker.lastOffset()).isEqualTo(12);
        assertThat(marker.sessionId()).isNull();
        assertThat(Json.fromBytes(Json.toBytes(waiting), ConversationState.class)).isEqualTo(waiting);
    }

    /** A minimal inbound message to park. */
    private static InboundEvent message(String wamid) {
        return new InboundEvent(1, "e-" + wamid, InboundKind.MESSAGE, "demo", "1", "1:US.1", "US.1", wamid, "text", T0, T0, null, null,
                null, null, null, null, null);
    }

    @Test
    void theHandoverFlagFollowsTheLifecycleSoAnOlderBuildStillPausesTheFlow() {
        HandoverState requested = HandoverState.requested("h1", "demo", "u", "kafka", "bot", T0, null);
        ConversationState open = ConversationState.NEW.afterTurn("s", T0, "m1", 0, 20).withHandoverState(requested.queued(2));
        ConversationState ended = open.remember("m2", 1, 20).withHandoverState(open.handoverState().active().ended(
                io.wabridge.model.event.HandoverEndReason.COMPLETED));

        assertThat(open.handover()).isTrue();
        assertThat(open.afterTurn("s", T0, "m3", 2, 20).withWindowRenewedBy(T0).handoverState()).isEqualTo(requested.queued(2));
        assertThat(ended.handover()).isFalse();
        assertThat(ended.openHandover()).isNull();
        assertThat(ended.handoverState().reason()).isEqualTo(io.wabridge.model.event.HandoverEndReason.COMPLETED);
        assertThat(Json.fromBytes(Json.toBytes(open), ConversationState.class)).isEqualTo(open);
    }
}
