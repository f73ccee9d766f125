package io.wabridge.processor.pipeline;

import java.util.Optional;

/**
 * One named step of a turn (session, input mapping, Cognigy call…). The stages of a turn run in
 * order on the turn's worker thread, each reading and filling its {@link TurnContext}; a stage
 * that returns a {@link Turn} ends the turn there (a duplicate, a paused flow, a failure, the
 * finished records), and the stages after it do not run.
 */
interface TurnStage {

    /** The stage's name in logs ({@code input-mapping}, {@code cognigy}…). */
    String name();

    /** Does this stage's part of the turn; a turn returned is the turn's outcome. */
    Optional<Turn> apply(TurnContext turn);
}
