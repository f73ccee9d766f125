package io.wabridge.egress.dispatch;

import io.wabridge.model.EventHeaders;
import io.wabridge.model.event.OutboundMessage;
import io.wabridge.support.endpoint.Endpoint;
import io.wabridge.support.kafka.EventCodec;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * One readable outbound record for a known endpoint, queued behind (or next after) its
 * recipient's previous message.
 *
 * @param revoked true once this instance lost the record's partition: the new owner sends it,
 *                so this one must stop before (re)trying
 */
public record Job(ConsumerRecord<String, byte[]> record, OutboundMessage message, Endpoint endpoint, BooleanSupplier revoked) {

    public boolean isRevoked() {
        return revoked.getAsBoolean();
    }

    /** Replayed with {@code --force}: sent even if the send ledger has its outbound id. */
    public boolean forced() {
        return "true".equals(EventCodec.header(record.headers(), EventHeaders.REPLAY_FORCE));
    }

    public String traceparent() {
        return EventCodec.header(record.headers(), EventHeaders.TRACEPARENT);
    }
}
