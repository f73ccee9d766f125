/**
 * Conversation state: which Cognigy session a conversation is in, when it was last active, which
 * messages it already handled (dedupe) and whether a human agent has it. The state lives in a
 * compacted Kafka changelog topic and is restored into memory for the partitions an instance owns.
 */
package io.wabridge.processor.conversation;
