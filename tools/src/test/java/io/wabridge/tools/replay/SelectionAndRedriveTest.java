package io.wabridge.tools.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.wabridge.model.EventHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class SelectionAndRedriveTest {

    private static final Instant T0 = Instant.parse("2026-11-27T09:00:00Z");

    @Test
    void selectsByTimeRangeKeyAndMessageId() {
        ConsumerRecord<String, byte[]> inbound = record("whatsapp.inbound", "100:491", T0, "{\"messageId\":\"wamid.A\"}");
        ConsumerRecord<String, byte[]> reply = record("whatsapp.outbound", "100:491", T0, "{\"replyTo\":\"wamid.A\"}");

        assertThat(new Selection(null, null, null, null).matches(inbound)).isTrue();
        assertThat(new Selection(T0, T0, null, null).matches(inbound)).as("both ends inclusive").isTrue();
        assertThat(new Selection(T0.plusMillis(1), null, null, null).matches(inbound)).isFalse();
        assertThat(new Selection(null, T0.minusMillis(1), null, null).matches(inbound)).isFalse();
        assertThat(new Selection(null, null, "100:491", null).matches(inbound)).isTrue();
        assertThat(new Selection(null, null, "100:492", null).matches(inbound)).isFalse();
        assertThat(new Selection(null, null, null, "wamid.A").matches(inbound)).isTrue();
        assertThat(new Selection(null, null, null, "wamid.A").matches(reply)).isTrue();
        assertThat(new Selection(null, null, null, "wamid.B").matches(inbound)).isFalse();
        assertThat(new Selection(null, null, null, "wamid.A").matches(record("t", "k", T0, "not json"))).isFalse();
    }

    @Test
    void aDeadLetterGoesBackToItsSourceWithoutItsFailureHeaders() {
        ConsumerRecord<String, byte[]> dead = record("whatsapp.outbound-dlt", "100:491", T0, "{}");
        header(dead, EventHeaders.EVENT_TYPE, "outbound");
        header(dead, EventHeaders.TRACEPARENT, "00-abc");
        header(dead, EventHeaders.FAILURE_REASON, "unknown endpoint");
        header(dead, EventHeaders.FAILURE_DETAIL, "more");
        header(dead, EventHeaders.DLT_SOURCE_TOPIC, "custom.outbound");
        header(dead, EventHeaders.DLT_SOURCE_PARTITION, "4");
        header(dead, EventHeaders.DLT_SOURCE_OFFSET, "17");
        header(dead, "graph-error-code", "131047");
        header(dead, "graph-http-status", "400");

        ProducerRecord<String, byte[]> redriven = Redrive.of(dead, null, false, T0.plusSeconds(60));

        assertThat(redriven.topic()).isEqualTo("custom.outbound");
        assertThat(redriven.key()).isEqualTo("100:491");
        assertThat(redriven.value()).isEqualTo(dead.value());
        assertThat(redriven.partition()).as("the key decides, as for the services' own records").isNull();
        assertThat(names(redriven)).containsExactly(EventHeaders.EVENT_TYPE, EventHeaders.TRACEPARENT,
                EventHeaders.REPLAYED_FROM, EventHeaders.REPLAYED_AT);
        assertThat(value(redriven, EventHeaders.REPLAYED_FROM)).contains("whatsapp.outbound-dlt-2@42");
        assertThat(value(redriven, EventHeaders.REPLAYED_AT)).contains("2026-11-27T09:01:00Z");
    }

    @Test
    void targetsTheSameTopicTheDltSourceOrTheScratchTopic() {
        ConsumerRecord<String, byte[]> inbound = record("whatsapp.inbound", "k", T0, "{}");
        ConsumerRecord<String, byte[]> deadWithoutSource = record("whatsapp.inbound-dlt", "k", T0, "{}");

        assertThat(Redrive.target(inbound, null)).isEqualTo("whatsapp.inbound");
        assertThat(Redrive.target(deadWithoutSource, null)).isEqualTo("whatsapp.inbound");
        assertThat(Redrive.target(deadWithoutSource, "scratch")).isEqualTo("scratch");
    }

    @Test
    void forceMarksTheRecordOnceEvenWhenReplayedAgain() {
        ConsumerRecord<String, byte[]> earlierReplay = record("whatsapp.inbound", "k", T0, "{}");
        header(earlierReplay, EventHeaders.REPLAY_FORCE, "true");
        header(earlierReplay, EventHeaders.REPLAYED_FROM, "whatsapp.inbound-0@1");

        ProducerRecord<String, byte[]> forced = Redrive.of(earlierReplay, null, true, T0);
        ProducerRecord<String, byte[]> plain = Redrive.of(earlierReplay, null, false, T0);

        assertThat(value(forced, EventHeaders.REPLAY_FORCE)).contains("true");
        assertThat(forced.headers().headers(EventHeaders.REPLAYED_FROM)).hasSize(1);
        assertThat(value(plain, EventHeaders.REPLAY_FORCE)).isEmpty();
    }

    private static ConsumerRecord<String, byte[]> record(String topic, String key, Instant timestamp, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        return new ConsumerRecord<>(topic, 2, 42, timestamp.toEpochMilli(), TimestampType.CREATE_TIME, 0, bytes.length, key, bytes,
                new RecordHeaders(), Optional.empty());
    }

    private static void header(ConsumerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static java.util.List<String> names(ProducerRecord<String, byte[]> record) {
        java.util.List<String> names = new java.util.ArrayList<>();
        record.headers().forEach(header -> names.add(header.key()));
        return names;
    }

    private static Optional<String> value(ProducerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? Optional.empty() : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }
}
