package io.wabridge.processor;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wabridge.model.Topics;
import io.wabridge.model.event.InboundEvent;
import io.wabridge.model.event.TranscriptDirection;
import io.wabridge.model.event.TranscriptEntry;
import io.wabridge.model.privacy.Masking;
import io.wabridge.support.kafka.TestKafkaBroker;
import io.wabridge.support.logging.DebugLogs;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Data protection per endpoint: masked logs (asserted on the captured console output, with the
 * processor's loggers at DEBUG), the transcript topic off / on / masked, and input sanitization.
 * Endpoints: {@code demo} and {@code down} mask logs (the default) and write no transcript,
 * {@code plain} logs in the clear, writes a transcript and strips HTML, {@code masked} writes a
 * masked transcript.
 */
@ExtendWith(OutputCaptureExtension.class)
class DataProtectionIT extends ProcessorITSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    final DebugLogs debugLogs = new DebugLogs("io.wabridge");

    @Test
    void maskedLogsContainNeitherTheUsersNumberNorTheText(CapturedOutput output) {
        cognigy.stubFor(post(urlPathEqualTo("/cognigy/down")).atPriority(1).willReturn(aResponse().withStatus(503)));
        String user = newUser();
        String text = "my secret " + UUID.randomUUID();
        InboundEvent failing = TestEvents.text("3003", user, "wamid." + UUID.randomUUID(), text, TestEvents.T0);
        InboundEvent answered = TestEvents.text(TestEvents.PHONE_NUMBER_ID, user, "wamid." + UUID.randomUUID(), text, TestEvents.T0);

        drive(failing, answered);

        String logs = output.getAll();
        assertThat(logs).as("the lines were written, masked")
                .contains("Cognigy gave no answer for " + Masking.ON.key(failing.conversationKey()))
                .contains("for " + Masking.ON.key(answered.conversationKey()) + ": already handled")
                .contains("(key " + Masking.ON.key(answered.conversationKey()) + ")")
                .contains("text ***");
        assertThat(logs).doesNotContain(user).doesNotContain(text);
    }

    @Test
    void withMaskingOffTheSameLinesShowNumberAndText(CapturedOutput output) {
        String user = newUser();
        String text = "my secret " + UUID.randomUUID();
        cognigy.stubFor(post(urlPathEqualTo("/cognigy/plain")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.text", equalTo("fail " + text))).willReturn(aResponse().withStatus(503)));
        InboundEvent failing = TestEvents.text("4004", user, "wamid." + UUID.randomUUID(), "fail " + text, TestEvents.T0);
        InboundEvent answered = TestEvents.text("4004", user, "wamid." + UUID.randomUUID(), text, TestEvents.T0.plusSeconds(1));

        drive(failing, answered);

        assertThat(output.getAll())
                .contains("Cognigy gave no answer for " + failing.conversationKey())
                .contains("for " + answered.conversationKey() + ": already handled")
                .contains("(key " + answered.conversationKey() + ")")
                .contains("text " + text);
    }

    @Test
    void noTranscriptWhenItIsOff() {
        String user = newUser();
        InboundEvent event = TestEvents.text(TestEvents.PHONE_NUMBER_ID, user, "wamid." + UUID.randomUUID(), "hello", TestEvents.T0);
        send(event);

        await().atMost(WAIT).until(() -> outbound(event.conversationKey()).size() == 1);
        // The reply is committed, so a transcript written in its transaction would be readable now.
        assertThat(transcripts()).noneMatch(record -> record.key().equals(event.conversationKey())
                || record.key().equals(Masking.pseudonymousKey(event.conversationKey())));
    }

    @Test
    void transcriptOnHasUserAndBotEntriesInOrderAndTheFlowGetsTheTextWithoutHtml() {
        String user = newUser();
        InboundEvent event = TestEvents.text("4004", user, "wamid." + UUID.randomUUID(),
                "<b>Hello</b> 👋 <i>a < b</i> <script>alert(1)</script>", TestEvents.T0);
        send(event);

        await().atMost(WAIT).until(() -> transcriptEntries(event.conversationKey()).size() == 2);
        assertThat(body(cognigyCalls(user).get(0)).path("text").asText()).isEqualTo("Hello 👋 a < b ");
        List<TranscriptEntry> entries = transcriptEntries(event.conversationKey());
        assertThat(entries).extracting(TranscriptEntry::direction).containsExactly(TranscriptDirection.USER, TranscriptDirection.BOT);
        TranscriptEntry said = entries.get(0);
        assertThat(said.text()).isEqualTo("Hello 👋 a < b ");
        assertThat(said.userId()).isEqualTo(user);
        assertThat(said.messageId()).isEqualTo(event.messageId());
        assertThat(said.masked()).isFalse();
        assertThat(said.data().path("message").path("from").asText()).isEqualTo(user);
        assertThat(entries.get(1).text()).startsWith("echo Hello");
        assertThat(entries.get(1).index()).isZero();
        assertThat(entries).extracting(TranscriptEntry::sessionId).doesNotContainNull().containsOnly(said.sessionId());
        assertThat(entries).extracting(TranscriptEntry::inboundEventId).containsOnly(event.eventId());
    }

    @Test
    void aMaskedTranscriptHasNoNumberOrTextAnywhereInTheRecord() {
        String user = newUser();
        String text = "my secret " + UUID.randomUUID();
        InboundEvent event = TestEvents.text("5005", user, "wamid." + UUID.randomUUID(), text, TestEvents.T0);
        send(event);
        String pseudonym = Masking.pseudonymousKey(event.conversationKey());

        await().atMost(WAIT).until(() -> transcripts().stream().filter(r -> r.key().equals(pseudonym)).count() == 2);
        List<ConsumerRecord<String, byte[]>> records = transcripts().stream().filter(r -> r.key().equals(pseudonym)).toList();
        for (ConsumerRecord<String, byte[]> record : records) {
            assertThat(record.key()).startsWith("5005:").doesNotContain(user);
            assertThat(new String(record.value(), StandardCharsets.UTF_8)).doesNotContain(user).doesNotContain(text);
            for (Header header : record.headers()) {
                assertThat(new String(header.value(), StandardCharsets.UTF_8)).doesNotContain(user).doesNotContain(text);
            }
        }
        List<TranscriptEntry> entries = records.stream().map(r -> codec.read(r, TranscriptEntry.class)).toList();
        assertThat(entries).extracting(TranscriptEntry::direction).containsExactly(TranscriptDirection.USER, TranscriptDirection.BOT);
        assertThat(entries).allSatisfy(entry -> {
            assertThat(entry.masked()).isTrue();
            assertThat(entry.text()).isEqualTo("***");
            assertThat(entry.userId()).isEqualTo(Masking.ON.id(user));
            assertThat(entry.conversationKey()).isEqualTo(pseudonym);
        });
        assertThat(entries.get(0).data().asText()).isEqualTo("***");
        assertThat(transcripts()).noneMatch(record -> record.key().equals(event.conversationKey()));
    }

    /**
     * A Cognigy failure (WARN and dead letter), an answered message, its duplicate (DEBUG), an
     * unreadable record under the same key (ERROR, handled at once, not in turn order), then a
     * marker message: once its reply is there, the duplicate before it was handled too.
     */
    private void drive(InboundEvent failing, InboundEvent answered) {
        String marker = "marker " + UUID.randomUUID();
        String key = answered.conversationKey();
        send(failing);
        send(answered);
        send(answered);
        send(new ProducerRecord<>(Topics.INBOUND, key, "{not an event".getBytes(StandardCharsets.UTF_8)));
        send(TestEvents.text(answered.phoneNumberId(), answered.userId(), "wamid." + UUID.randomUUID(), marker,
                TestEvents.T0.plusSeconds(2)));
        await().atMost(WAIT).until(() -> deadLetters(failing.conversationKey()).stream()
                        .anyMatch(dead -> "cognigy-unavailable".equals(failureReason(dead)))
                && deadLetters(key).stream().anyMatch(dead -> "unreadable-event".equals(failureReason(dead)))
                && outbound(key).stream().anyMatch(message -> textOf(message).equals("echo " + marker)));
    }

    private List<TranscriptEntry> transcriptEntries(String key) {
        return transcripts().stream().filter(record -> key.equals(record.key()))
                .map(record -> codec.read(record, TranscriptEntry.class)).toList();
    }

    /** Everything committed on the transcript topic so far, in offset order per partition. */
    private static List<ConsumerRecord<String, byte[]>> transcripts() {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafkaBroker.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.TRANSCRIPTS).stream()
                    .map(info -> new TopicPartition(Topics.TRANSCRIPTS, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
            }
            return records;
        }
    }
}
