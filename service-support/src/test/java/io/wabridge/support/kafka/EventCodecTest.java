package io.wabridge.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wabridge.model.EventHeaders;
import io.wabridge.model.Json;
import io.wabridge.model.event.ChangeEvent;
import io.wabridge.model.event.StatusEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class EventCodecTest {

    private final EventCodec codec = new EventCodec();
    private final ChangeEvent change = new ChangeEvent(1, "id-1", "demo", "waba", "account_update",
            Json.mapper().createObjectNode().put("event", "VERIFIED_ACCOUNT"), Instant.parse("2025-01-01T00:00:00Z"));

    @Test
    void writesLogicalTypeVersionAndTraceHeaders() {
        ProducerRecord<String, byte[]> record = codec.record("t", "k", change, "00-abc");

        assertThat(EventCodec.header(record.headers(), EventHeaders.EVENT_TYPE)).isEqualTo("change");
        assertThat(EventCodec.header(record.headers(), EventHeaders.SCHEMA_VERSION)).isEqualTo("1");
        assertThat(EventCodec.header(record.headers(), EventHeaders.TRACEPARENT)).isEqualTo("00-abc");
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).doesNotContain("io.wabridge");
    }

    @Test
    void readsWhatItWrote() {
        ProducerRecord<String, byte[]> written = codec.record("t", "k", change, null);

        ChangeEvent read = codec.read(consumed(written), ChangeEvent.class);

        assertThat(read).isEqualTo(change);
    }

    @Test
    void refusesAnotherEventType() {
        ConsumerRecord<String, byte[]> record = consumed(codec.record("t", "k", change, null));

        assertThatThrownBy(() -> codec.read(record, StatusEvent.class))
                .isInstanceOf(UnreadableEventException.class).hasMessageContaining("expected event-type status");
    }

    @Test
    void refusesNewerSchemaAndGarbage() {
        ConsumerRecord<String, byte[]> newer = consumed(codec.record("t", "k", change, null));
        newer.headers().remove(EventHeaders.SCHEMA_VERSION).add(EventHeaders.SCHEMA_VERSION, "2".getBytes(StandardCharsets.UTF_8));
        ConsumerRecord<String, byte[]> garbage = new ConsumerRecord<>("t", 0, 0, "k", "{not json".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> codec.read(newer, ChangeEvent.class)).hasMessageContaining("newer");
        assertThatThrownBy(() -> codec.read(garbage, ChangeEvent.class)).isInstanceOf(UnreadableEventException.class);
    }

    @Test
    void traceContextContinuesValidHeadersOnly() {
        String valid = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

        assertThat(TraceContext.continueOrStart(valid)).isEqualTo(valid);
        assertThat(TraceContext.continueOrStart("garbage")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        assertThat(TraceContext.traceId(valid)).isEqualTo("0af7651916cd43dd8448eb211c80319c");
    }

    private static ConsumerRecord<String, byte[]> consumed(ProducerRecord<String, byte[]> written) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(written.topic(), 0, 0, written.key(), written.value());
        written.headers().forEach(header -> record.headers().add(header));
        return record;
    }
}
