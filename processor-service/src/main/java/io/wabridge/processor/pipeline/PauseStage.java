package io.wabridge.processor.pipeline;

import io.micrometer.core.instrument.MeterRegistry;
import io.wabridge.model.event.InboundKind;
import io.wabridge.model.state.BotPause;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * While the bot is paused for the conversation (someone answers on WhatsApp's side,
 * {@code docs/handover.md}, "WhatsApp's own humans"), nothing of this turn reaches the flow and
 * nothing is sent: a user message is remembered as handled and dropped (outcome {@code paused});
 * an inject, notify or agent reply is dead-lettered on {@code whatsapp.inbound-dlt} with the reason
 * {@code conversation-paused}, so an operator can re-drive it once the pause ended. Each is counted
 * in {@code wabridge.processor.paused.inputs{kind, cause}}.
 */
final class PauseStage implements TurnStage {

    static final String REASON = "conversation-paused";

    private final TurnEnds ends;
    private final int dedupeWindow;
    private final MeterRegistry meters;

    PauseStage(TurnEnds ends, int dedupeWindow, MeterRegistry meters) {
        this.ends = ends;
        this.dedupeWindow = dedupeWindow;
        this.meters = meters;
    }

    @Override
    public String name() {
        return "pause";
    }

    @Override
    public Optional<Turn> apply(TurnContext turn) {
        BotPause pause = turn.state.pauseAt(turn.at);
        if (pause == null) {
            return Optional.empty();
        }
        InboundKind kind = turn.event().kind();
        String cause = pause.cause() == BotPause.Cause.HUMAN_REPLY ? "human_reply" : "other_app";
        meters.counter("wabridge.processor.paused.inputs", "kind", kind.name().toLowerCase(Locale.ROOT), "cause", cause).increment();
        var after = turn.state.remember(turn.messageId, turn.offset(), dedupeWindow);
        if (kind == InboundKind.MESSAGE) {
            return Optional.of(ends.outcome(turn.work, after, List.of(), "paused"));
        }
        return Optional.of(ends.deadLetterOnly(turn.work, after, REASON,
                "the bot is paused for this conversation (" + cause + ") until " + pause.until()));
    }
}
