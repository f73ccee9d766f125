/**
 * Consumption of {@code whatsapp.inbound}: records are handled one at a time per conversation and
 * concurrently across conversations; the replies, the dead letters, the conversation state and
 * the consumer offsets of completed turns are committed together in one Kafka transaction. The
 * queues, offsets, rebalances and restarts are the shared engine's ({@code io.wabridge.support.consume});
 * this package says what a turn is.
 */
package io.wabridge.processor.pipeline;
