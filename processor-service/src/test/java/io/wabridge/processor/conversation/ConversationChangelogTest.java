package io.wabridge.processor.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import io.wabridge.model.EventHeaders;
import io.wabridge.model.Fixtures;
import io.wabridge.model.Json;
import io.wabridge.model.state.ConversationState;
import io.wabridge.support.endpoint.Endpoints;
import io.wabridge.support.endpoint.EndpointsSettings;
import io.wabridge.support.kafka.EventCodec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** What the store writes to and reads from the changelog topic: the golden fixtures, both ways. */
class ConversationChangelogTest {

    private static final String KEY = "106540352242922:16505551234";
    private static final ConversationState GOLDEN =
            Json.fromBytes(Fixtures.bytes("golden/conversation-state-v2.json"), ConversationState.class);
    private static final ConversationState GOLDEN_V1 =
            Json.fromBytes(Fixtures.bytes("golden/conversation-state-v1.json"), ConversationState.class);

    private final ConversationStore store = new ConversationStore("whatsapp.conversations",
            new Retention(Duration.ZERO, new Endpoints(new EndpointsSettings(Map.of()))), Clock.systemUTC());

    @Test
    void writesTheGoldenStateWithTypeHeadersOnTheConversationsPartition() throws Exception {
        ProducerRecord<String, byte[]> record = store.changelogRecord(KEY, 7, GOLDEN);

        assertThat(record.partition()).isEqualTo(7);
        assertThat(record.key()).isEqualTo(KEY);
        assertThat(EventCodec.header(record.headers(), EventHeaders.EVENT_TYPE)).isEqualTo("conversation-state");
        assertThat(EventCodec.header(record.headers(), EventHeaders.SCHEMA_VERSION)).isEqualTo("2");
        assertThat(Json.mapper().readTree(record.value())).isEqualTo(Fixtures.tree("golden/conversation-state-v2.json"));
    }

    @Test
    void restoresWhatItWrote() {
        store.apply(consumed(store.changelogRecord(KEY, 7, GOLDEN), 7));

        assertThat(store.get(KEY)).isEqualTo(GOLDEN);
    }

    /**
     * The upgrade: a changelog record exactly as the release before the shared codec wrote it
     * (hand-written headers, no version in the value) restores to the same state.
     */
    @Test
    void restoresStateWrittenBeforeTheValueCarriedItsVersion() {
        ConsumerRecord<String, byte[]> previousRelease = new ConsumerRecord<>("whatsapp.conversations", 7, 41, KEY,
                Fixtures.bytes("golden/conversation-state-v1-unversioned.json"));
        previousRelease.headers().add(EventHeaders.EVENT_TYPE, "conversation-state".getBytes(StandardCharsets.UTF_8));
        previousRelease.headers().add(EventHeaders.SCHEMA_VERSION, "1".getBytes(StandardCharsets.UTF_8));

        store.apply(previousRelease);

        assertThat(store.get(KEY)).isEqualTo(GOLDEN_V1);
        assertThat(store.get(KEY).schemaVersion()).isEqualTo(1);
    }

    @Test
    void aTombstoneForgetsTheConversation() {
        store.apply(consumed(store.changelogRecord(KEY, 7, GOLDEN), 7));

        store.apply(consumed(store.tombstone(new ConversationStore.Idle(KEY, 7)), 7));

        assertThat(store.get(KEY)).isSameAs(ConversationState.NEW);
        assertThat(store.size()).isZero();
    }

    @Test
    void anUnreadableOrNewerStateStartsTheConversationAfresh() {
        ConsumerRecord<String, byte[]> newer = consumed(store.changelogRecord(KEY, 7, GOLDEN), 7);
        newer.headers().remove(EventHeaders.SCHEMA_VERSION).add(EventHeaders.SCHEMA_VERSION, "3".getBytes(StandardCharsets.UTF_8));
        ConsumerRecord<String, byte[]> garbage = new ConsumerRecord<>("whatsapp.conversations", 7, 42, "other",
                "{not json".getBytes(StandardCharsets.UTF_8));

        store.apply(newer);
        store.apply(garbage);

        assertThat(store.size()).isZero();
    }

    private static ConsumerRecord<String, byte[]> consumed(ProducerRecord<String, byte[]> written, int partition) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(written.topic(), partition, 0, written.key(), written.value());
        written.headers().forEach(header -> record.headers().add(header));
        return record;
    }
}
