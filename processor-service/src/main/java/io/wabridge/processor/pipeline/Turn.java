package io.wabridge.processor.pipeline;

import io.wabridge.model.state.ConversationState;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The outcome of handling one inbound record: what to write (replies, dead letters) and the
 * conversation state after it ({@code null} = unchanged). Written in one transaction.
 *
 * @param work the record handled; {@code event} is null for an unreadable record
 */
record Turn(Work work, ConversationState state, List<ProducerRecord<String, byte[]>> records) {
}
