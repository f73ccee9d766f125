/**
 * Consumption of {@code whatsapp.inbound}: records are handled one at a time per conversation and
 * concurrently across conversations; the replies, the dead letters, the conversation state and
 * the consumer offsets of completed turns are committed together in one Kafka transaction.
 */
package io.wabridge.processor.pipeline;
