/**
 * Consumption of {@code whatsapp.outbound} with the shared key-ordered engine
 * ({@code io.wabridge.support.consume}): strict order per recipient, no waiting across
 * recipients, offsets committed up to the lowest unfinished record, a pause when too much is in
 * flight. This package says what a record is (a job behind its recipient's pacing gate, or a
 * dead letter) and what a change of partition ownership means (catch up the send ledger, adjust
 * the budget share).
 */
package io.wabridge.egress.dispatch;
