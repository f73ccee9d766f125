package io.wabridge.tools.tail;

import static org.assertj.core.api.Assertions.assertThat;

import io.wabridge.model.EventHeaders;
import io.wabridge.model.privacy.Masking;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class EventLineTest {

    private static final Instant T0 = Instant.parse("2026-11-27T09:00:00Z");

    @Test
    void anInboundMessageShowsTimeTopicTypeIdsAndAMaskedUserAndText() {
        ConsumerRecord<String, byte[]> record = record("whatsapp.inbound", "inbound",
                "{\"kind\":\"message\",\"messageId\":\"wamid.A\",\"userId\":\"4915550001234\",\"message\":{\"text\":{\"body\":\"my secret\"}}}");

        String line = EventLine.of(record, Masking.ON);

        assertThat(line).startsWith("2026-11-27T09:00:00Z").contains("whatsapp.inbound", "inbound/message", "msg=wamid.A",
                "user=491*******234", "\"***\"");
        assertThat(line).doesNotContain("4915550001234", "my secret");
        assertThat(EventLine.of(record, Masking.OFF)).contains("user=4915550001234", "\"my secret\"");
    }

    @Test
    void anOutboundReplyAndAStatusShowRecipientAndStatus() {
        String reply = EventLine.of(record("whatsapp.outbound", "outbound",
                "{\"kind\":\"message\",\"outboundId\":\"o-1\",\"recipient\":\"4915550001234\",\"message\":{\"type\":\"text\",\"text\":{\"body\":\"Hi\"}}}"),
                Masking.ON);
        String status = EventLine.of(record("whatsapp.statuses", "status",
                "{\"status\":\"delivered\",\"messageId\":\"wamid.B\",\"recipientId\":\"4915550001234\"}"), Masking.ON);

        assertThat(reply).contains("outbound/message", "out=o-1", "user=491*******234", "\"***\"").doesNotContain("Hi\"");
        assertThat(status).contains("status", "status=delivered", "msg=wamid.B", "user=491*******234");
    }

    @Test
    void aDeadLetterShowsWhyAndAnUnreadableValueStillGetsALine() {
        ConsumerRecord<String, byte[]> dead = record("whatsapp.outbound-dlt", "outbound", "{\"outboundId\":\"o-2\"}");
        dead.headers().add(EventHeaders.FAILURE_REASON, "unknown endpoint: x".getBytes(StandardCharsets.UTF_8));

        assertThat(EventLine.of(dead, Masking.ON)).contains("whatsapp.outbound-dlt", "failure=unknown endpoint: x");
        assertThat(EventLine.of(record("whatsapp.inbound", null, "garbage"), Masking.ON)).contains("whatsapp.inbound", "?");
    }

    private static ConsumerRecord<String, byte[]> record(String topic, String type, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(topic, 0, 1, T0.toEpochMilli(), TimestampType.CREATE_TIME, 0,
                bytes.length, "k", bytes, new RecordHeaders(), Optional.empty());
        if (type != null) {
            record.headers().add(EventHeaders.EVENT_TYPE, type.getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }
}
