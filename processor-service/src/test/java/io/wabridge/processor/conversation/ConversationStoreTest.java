package io.wabridge.processor.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import io.wabridge.model.Json;
import io.wabridge.model.settings.EndpointSettings;
import io.wabridge.model.state.ConversationState;
import io.wabridge.support.endpoint.Endpoints;
import io.wabridge.support.endpoint.EndpointsSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConversationStoreTest {

    private static final String SHORT_SESSIONS = "1001";
    private static final String LONG_SESSIONS = "2002";
    private static final String ENDLESS_SESSIONS = "3003";
    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    private final MutableClock clock = new MutableClock(T0);

    @Test
    void aConversationIsIdleOnlyAfterItsRetention() {
        ConversationStore store = store(Duration.ofDays(7));
        store.put(key(SHORT_SESSIONS, "1"), 3, state(false));

        clock.now = T0.plus(Duration.ofDays(7));
        assertThat(store.idle(key -> false, 100)).isEmpty();
        clock.now = T0.plus(Duration.ofDays(7)).plusMillis(1);
        assertThat(store.idle(key -> false, 100)).containsExactly(new ConversationStore.Idle(key(SHORT_SESSIONS, "1"), 3));
    }

    @Test
    void writingTheStateAgainRestartsItsRetention() {
        ConversationStore store = store(Duration.ofDays(7));
        store.put(key(SHORT_SESSIONS, "1"), 0, state(false));
        clock.now = T0.plus(Duration.ofDays(6));
        store.put(key(SHORT_SESSIONS, "1"), 0, state(false));
        clock.now = T0.plus(Duration.ofDays(8));
        assertThat(store.idle(key -> false, 100)).isEmpty();
    }

    @Test
    void busyConversationsAndHandoversAreNeverIdle() {
        ConversationStore store = store(Duration.ofDays(1));
        store.put(key(SHORT_SESSIONS, "busy"), 0, state(false));
        store.put(key(SHORT_SESSIONS, "agent"), 0, state(true));
        store.put(key(SHORT_SESSIONS, "idle"), 0, state(false));
        clock.now = T0.plus(Duration.ofDays(30));
        assertThat(store.idle(key -> key.endsWith("busy"), 100)).extracting(ConversationStore.Idle::conversationKey)
                .containsExactly(key(SHORT_SESSIONS, "idle"));
    }

    @Test
    void aLongerSessionExpirationWinsAndANeverExpiringSessionIsKeptForever() {
        ConversationStore store = store(Duration.ofDays(1));
        store.put(key(LONG_SESSIONS, "1"), 0, state(false));
        store.put(key(ENDLESS_SESSIONS, "1"), 0, state(false));
        store.put(key("9999", "unknown-number"), 0, state(false));

        clock.now = T0.plus(Duration.ofDays(2));
        assertThat(store.idle(key -> false, 100)).extracting(ConversationStore.Idle::conversationKey)
                .containsExactly(key("9999", "unknown-number"));
        clock.now = T0.plus(Duration.ofDays(3650));
        assertThat(store.idle(key -> false, 100)).extracting(ConversationStore.Idle::conversationKey)
                .containsExactlyInAnyOrder(key("9999", "unknown-number"), key(LONG_SESSIONS, "1"));
    }

    @Test
    void zeroRetentionKeepsEverythingAndNeverSweeps() {
        ConversationStore store = store(Duration.ZERO);
        store.put(key(SHORT_SESSIONS, "1"), 0, state(false));
        clock.now = T0.plus(Duration.ofDays(3650));
        assertThat(store.idle(key -> false, 100)).isEmpty();
        assertThat(store.sweepInterval()).isEmpty();
        assertThat(store(Duration.ofSeconds(3)).sweepInterval()).contains(Duration.ofMillis(300));
        assertThat(store(Duration.ofDays(7)).sweepInterval()).contains(Duration.ofMinutes(1));
    }

    @Test
    void forgettingRemovesTheStateAndTheTombstoneHasNoValue() {
        ConversationStore store = store(Duration.ofDays(1));
        store.put(key(SHORT_SESSIONS, "1"), 5, state(false));
        store.put(key(SHORT_SESSIONS, "2"), 5, state(false));
        clock.now = T0.plus(Duration.ofDays(2));
        List<ConversationStore.Idle> idle = store.idle(key -> false, 1);
        assertThat(idle).hasSize(1);

        assertThat(store.tombstone(idle.get(0)).value()).isNull();
        assertThat(store.tombstone(idle.get(0)).partition()).isEqualTo(5);
        store.forget(idle);
        assertThat(store.size()).isEqualTo(1);
        assertThat(store.get(idle.get(0).conversationKey())).isSameAs(ConversationState.NEW);
    }

    private ConversationStore store(Duration retention) {
        Endpoints endpoints = new Endpoints(new EndpointsSettings(Map.of(
                "short", endpoint(SHORT_SESSIONS, Duration.ofMinutes(30)),
                "long", endpoint(LONG_SESSIONS, Duration.ofDays(3)),
                "endless", endpoint(ENDLESS_SESSIONS, Duration.ZERO))));
        return new ConversationStore("conversations", new Retention(retention, endpoints), clock);
    }

    /** Built from the same shape the properties bind from, so it does not depend on the record's arity. */
    private static EndpointSettings endpoint(String phoneNumberId, Duration expiration) {
        return Json.mapper().convertValue(Map.of("phoneNumberId", phoneNumberId, "session", Map.of("expiration", expiration.toString())),
                EndpointSettings.class);
    }

    private static ConversationState state(boolean handover) {
        return ConversationState.of("session", T0, List.of("wamid.1"), handover, 1);
    }

    private static String key(String phoneNumberId, String user) {
        return phoneNumberId + ":" + user;
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
