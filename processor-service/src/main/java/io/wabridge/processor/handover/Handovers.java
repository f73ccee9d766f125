package io.wabridge.processor.handover;

import io.micrometer.core.instrument.MeterRegistry;
import io.wabridge.model.settings.HandoverSettings;
import io.wabridge.model.state.HandoverState;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Handover to human agents as the turns see it: {@link #turn} gives one turn's view of a
 * conversation's handover, whose steps ({@link HandoverTurn#start}, {@link HandoverTurn#forward},
 * {@link HandoverTurn#end}…) call the provider and collect the events, texts and state the turn writes.
 */
public final class Handovers {

    private final HandoverProviders providers;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Sleeper sleeper;

    /** How a retry waits; tests pass one that does not. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    public Handovers(HandoverProviders providers, MeterRegistry meters, Clock clock) {
        this(providers, meters, clock, duration -> Thread.sleep(duration.toMillis()));
    }

    public Handovers(HandoverProviders providers, MeterRegistry meters, Clock clock, Sleeper sleeper) {
        this.providers = providers;
        this.meters = meters;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Only the {@code kafka} provider. */
    public static Handovers kafkaOnly(MeterRegistry meters, Clock clock) {
        return new Handovers(new HandoverProviders(List.of(new KafkaHandoverProvider())), meters, clock);
    }

    /** One turn's view of the conversation's handover ({@code current}: its latest, or null). */
    public HandoverTurn turn(HandoverContext context, HandoverSettings settings, HandoverState current) {
        return new HandoverTurn(this, context, settings, current);
    }

    HandoverProviders providers() {
        return providers;
    }

    MeterRegistry meters() {
        return meters;
    }

    Clock clock() {
        return clock;
    }

    Sleeper sleeper() {
        return sleeper;
    }
}
