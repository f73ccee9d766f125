package io.wabridge.processor.pipeline;

import io.wabridge.model.EventHeaders;
import io.wabridge.model.event.InboundEvent;
import io.wabridge.support.kafka.EventCodec;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * One inbound record to handle, with the assignment epoch of its partition: a turn finishing
 * after its partition was revoked (even if assigned again since) belongs to no one and is dropped.
 */
record Work(ConsumerRecord<String, byte[]> record, InboundEvent event, String key, long epoch) {

    /** Replayed with {@code --force}: handled even if its message id was handled before. */
    boolean forced() {
        return "true".equals(EventCodec.header(record.headers(), EventHeaders.REPLAY_FORCE));
    }
}
