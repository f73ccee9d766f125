package io.wabridge.processor.pipeline;

import io.wabridge.model.EventHeaders;
import io.wabridge.model.event.InboundEvent;
import io.wabridge.support.kafka.EventCodec;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** One inbound record to handle; {@code event} is null for an unreadable record. */
record Work(ConsumerRecord<String, byte[]> record, InboundEvent event, String key) {

    /** Replayed with {@code --force}: handled even if its message id was handled before. */
    boolean forced() {
        return "true".equals(EventCodec.header(record.headers(), EventHeaders.REPLAY_FORCE));
    }
}
