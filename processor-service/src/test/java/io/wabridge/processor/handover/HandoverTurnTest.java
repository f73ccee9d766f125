package io.wabridge.processor.handover;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wabridge.model.event.HandoverEndReason;
import io.wabridge.model.event.HandoverEvent;
import io.wabridge.model.event.HandoverStatus;
import io.wabridge.model.settings.HandoverSettings;
import io.wabridge.model.state.HandoverState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HandoverTurnTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final HandoverSettings SETTINGS = new HandoverSettings(null, "stop", null, Duration.ofMinutes(5),
            Duration.ofMinutes(1), 3, Duration.ofMillis(10), null, null);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<Duration> sleeps = new ArrayList<>();
    private final FailingProvider failing = new FailingProvider();
    private final Handovers handovers = new Handovers(new HandoverProviders(List.of(new KafkaHandoverProvider(), failing)), meters,
            Clock.fixed(T0, ZoneOffset.UTC), sleeps::add);

    @Test
    void aKafkaStartIsRequestedThenQueuedAndEachTransitionIsAnEventAndAMetric() {
        HandoverTurn turn = handovers.turn(context("in-1", T0), SETTINGS, null);

        assertThat(turn.start(null, "bot", null)).isTrue();

        assertThat(turn.state().status()).isEqualTo(HandoverStatus.QUEUED);
        assertThat(turn.state().provider()).isEqualTo("kafka");
        assertThat(turn.events()).extracting(HandoverEvent::status).containsExactly(HandoverStatus.REQUESTED, HandoverStatus.QUEUED);
        assertThat(turn.events()).extracting(HandoverEvent::eventId).doesNotHaveDuplicates();
        assertThat(turn.texts()).as("no position known").isEmpty();
        assertThat(meters.counter("wabridge.processor.handover.transitions", "endpoint", "demo", "provider", "kafka", "status",
                "requested").count()).isEqualTo(1);
        assertThat(handovers.turn(context("in-2", T0), SETTINGS, turn.state()).start(null, "api", null))
                .as("one open handover per conversation").isFalse();
    }

    @Test
    void theSameTurnAgainWritesTheSameIds() {
        HandoverTurn first = handovers.turn(context("in-1", T0), SETTINGS, null);
        HandoverTurn again = handovers.turn(context("in-1", T0), SETTINGS, null);
        first.start(null, "bot", null);
        again.start(null, "bot", null);

        assertThat(again.events()).extracting(HandoverEvent::eventId).isEqualTo(first.events().stream().map(HandoverEvent::eventId).toList());
        assertThat(again.state()).isEqualTo(first.state());
    }

    @Test
    void userMessagesAreNumberedAndAgentStatusesAreTold() {
        HandoverState queued = started();
        HandoverTurn position = handovers.turn(context("in-2", T0.plusSeconds(1)), SETTINGS, queued);
        position.agentStatus(HandoverStatus.QUEUED, 4, null);
        HandoverTurn first = handovers.turn(context("in-3", T0.plusSeconds(2)), SETTINGS, position.state());
        first.forward("wamid.1", "text", "one", null, null);
        HandoverTurn second = handovers.turn(context("in-4", T0.plusSeconds(3)), SETTINGS, first.state());
        second.forward("wamid.2", "image", "two", null, null);
        HandoverTurn agent = handovers.turn(context("in-5", T0.plusSeconds(4)), SETTINGS, second.state());
        agent.agentMessage();

        assertThat(position.texts()).containsExactly("You are number 4 in the queue.");
        assertThat(second.events()).singleElement().satisfies(event -> assertThat(event.sequence()).isEqualTo(2L));
        assertThat(agent.state().status()).isEqualTo(HandoverStatus.ACTIVE);
        assertThat(agent.state().lastActivity()).isEqualTo(T0.plusSeconds(4));
        assertThat(agent.texts()).containsExactly("An agent has joined the conversation.");
    }

    @Test
    void anUnreachableProviderIsRetriedWithBackoffThenTheHandoverEndsWithError() {
        HandoverTurn turn = handovers.turn(context("in-1", T0), SETTINGS, null);

        turn.start(FailingProvider.NAME, "bot", null);

        assertThat(failing.calls).isEqualTo(3);
        assertThat(sleeps).containsExactly(Duration.ofMillis(10), Duration.ofMillis(20));
        assertThat(turn.endedNow()).contains(HandoverEndReason.ERROR);
        assertThat(turn.texts()).containsExactly("Sorry, we could not reach an agent. You are back with our assistant.");
        assertThat(turn.endInput().path("handover").path("status").asText()).isEqualTo("error");
        assertThat(turn.endInput().path("handover").path("source").asText()).isEqualTo("provider");
        assertThat(meters.counter("wabridge.processor.handover.provider.failures", "endpoint", "demo", "provider", FailingProvider.NAME,
                "operation", "start").count()).isEqualTo(3);
    }

    @Test
    void anUnknownProviderEndsTheHandoverWithError() {
        HandoverTurn turn = handovers.turn(context("in-1", T0), SETTINGS, null);

        turn.start("nowhere", "api", null);

        assertThat(turn.endedNow()).contains(HandoverEndReason.ERROR);
        assertThat(turn.state().open()).isFalse();
    }

    @Test
    void endingTellsTheUserAndGivesTheFlowItsInput() {
        HandoverTurn turn = handovers.turn(context("in-2", T0), SETTINGS, started());

        turn.end(HandoverEndReason.CANCELLED, "user", true);

        assertThat(turn.endedNow()).contains(HandoverEndReason.CANCELLED);
        assertThat(turn.texts()).containsExactly("The agent has left the conversation.");
        assertThat(turn.endInput().toString()).isEqualTo("{\"handover\":{\"status\":\"cancelled\",\"handoverId\":\""
                + turn.state().id() + "\",\"provider\":\"kafka\",\"source\":\"user\"}}");
    }

    private HandoverState started() {
        HandoverTurn turn = handovers.turn(context("in-1", T0), SETTINGS, null);
        turn.start(null, "bot", null);
        return turn.state();
    }

    private static HandoverContext context(String eventId, Instant at) {
        return new HandoverContext("demo", "1111", "1111:u", "u", "User", "s", eventId, at);
    }

    private static final class FailingProvider implements HandoverProvider {
        static final String NAME = "failing";
        int calls;

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public ProviderAnswer start(HandoverCall call) {
            calls++;
            throw new HandoverProviderException("down");
        }

        @Override
        public ProviderAnswer forward(HandoverCall call, UserMessage message) {
            calls++;
            throw new HandoverProviderException("down");
        }

        @Override
        public ProviderAnswer end(HandoverCall call, HandoverEndReason reason) {
            calls++;
            throw new HandoverProviderException("down");
        }
    }
}
