package io.wabridge.egress.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.wabridge.model.EventHeaders;
import io.wabridge.model.Fixtures;
import io.wabridge.model.Json;
import io.wabridge.model.state.LedgerEntry;
import io.wabridge.support.kafka.EventCodec;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** The ledger record egress writes is the golden fixture, and the previous release's records still read. */
class SendLedgerRecordTest {

    private static final LedgerEntry GOLDEN = Json.fromBytes(Fixtures.bytes("golden/send-ledger-v1.json"), LedgerEntry.class);

    @Test
    void writesTheGoldenEntryKeyedByOutboundIdWithTypeHeaders() throws Exception {
        ProducerRecord<String, byte[]> record = SendLedger.entryRecord("whatsapp.send-ledger", GOLDEN);

        assertThat(record.key()).isEqualTo(GOLDEN.outboundId());
        assertThat(EventCodec.header(record.headers(), EventHeaders.EVENT_TYPE)).isEqualTo("send-ledger");
        assertThat(EventCodec.header(record.headers(), EventHeaders.SCHEMA_VERSION)).isEqualTo("1");
        assertThat(Json.mapper().readTree(record.value())).isEqualTo(Fixtures.tree("golden/send-ledger-v1.json"));
    }

    /** The upgrade: an entry with the headers the release before the shared codec wrote by hand reads as today's. */
    @Test
    void readsAnEntryWrittenBeforeTheSharedCodec() {
        ConsumerRecord<String, byte[]> previousRelease = new ConsumerRecord<>("whatsapp.send-ledger", 0, 0, GOLDEN.outboundId(),
                Fixtures.bytes("golden/send-ledger-v1.json"));
        previousRelease.headers().add(EventHeaders.EVENT_TYPE, "send-ledger".getBytes(StandardCharsets.UTF_8));
        previousRelease.headers().add(EventHeaders.SCHEMA_VERSION, "1".getBytes(StandardCharsets.UTF_8));

        assertThat(new EventCodec().read(previousRelease, LedgerEntry.class)).isEqualTo(GOLDEN);
    }
}
