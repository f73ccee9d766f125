package io.wabridge.support.consume;

import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * What one record is ordered by and how to run it.
 *
 * @param key   records of one key run one after another, in offset order; null runs the record
 *              at once, ordered after nothing (an unreadable record that has no key)
 * @param start called once, when the record's turn has come, on the poll thread or a
 *              continuation thread; must not block: the work runs on the caller's own threads
 *              and the stage completes with its outcome (completing exceptionally = abandoned)
 */
public record Task<R>(String key, Supplier<? extends CompletionStage<Outcome<R>>> start) {
}
