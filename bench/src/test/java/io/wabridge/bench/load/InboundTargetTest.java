package io.wabridge.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.wabridge.bench.fake.Stamp;
import io.wabridge.model.EventIds;
import io.wabridge.model.Topics;
import io.wabridge.model.event.InboundEvent;
import io.wabridge.model.event.InboundKind;
import io.wabridge.support.kafka.EventCodec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class InboundTargetTest {

    private final WebhookBodies bodies = new WebhookBodies("100000000000001", "secret", 1000);

    @Test
    void writesATextMessageEventAsIngressWouldWithTheStampInItsText() {
        InboundEvent event = InboundTarget.event(bodies, "bench", 1042, 1_750_000_000_000_001L);

        EventCodec codec = new EventCodec();
        ProducerRecord<String, byte[]> record = codec.record(Topics.INBOUND, event.conversationKey(), event, null);
        InboundEvent read = codec.read(new ConsumerRecord<>(Topics.INBOUND, 0, 0, record.key(), record.value()), InboundEvent.class);
        assertThat(read.kind()).isEqualTo(InboundKind.MESSAGE);
        assertThat(read.conversationKey()).isEqualTo(bodies.conversationKey(1042)).isEqualTo(record.key());
        assertThat(read.eventId()).isEqualTo(EventIds.inboundMessage("100000000000001", "wamid.bench-1042"));
        assertThat(read.messageType()).isEqualTo("text");
        assertThat(Stamp.parse(read.message().path("text").path("body").asText())).isEqualTo(new Stamp(1042, 1_750_000_000_000_001L));
    }
}
