package io.wabridge.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wabridge.model.event.InboundEvent;
import io.wabridge.processor.pipeline.InboundProcessor;
import io.wabridge.support.kafka.TestKafkaBroker;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code conversations.retention}: a conversation left alone longer than its retention is
 * tombstoned in the changelog (so compaction removes it) and forgotten in memory; one that keeps
 * talking is not; a forgotten conversation that comes back simply starts afresh. A processor of its
 * own, on topics of its own, so the shared test instance's traffic is not involved.
 */
class RetentionIT extends ProcessorITSupport {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String INBOUND = "retention-it.inbound";
    private static final String CHANGELOG = "retention-it.conversations";

    @Test
    void anUntouchedConversationIsForgottenWhileAnActiveOneIsKept() throws InterruptedException {
        Map<String, String> properties = properties();
        properties.put("wabridge.topics.inbound", INBOUND);
        properties.put("wabridge.topics.outbound", "retention-it.outbound");
        properties.put("wabridge.processor.conversations.topic", CHANGELOG);
        properties.put("wabridge.processor.conversations.retention", "3s");
        // Retention is never shorter than the session expiration, which is 30 minutes by default.
        properties.put("wabridge.endpoints.demo.session.expiration", "1s");
        properties.put("wabridge.processor.pipeline.group-id", "retention-it");
        properties.put("wabridge.processor.pipeline.transactional-id", "processor-it-retention");
        try (ConfigurableApplicationContext processor = ProcessorApplication.builder().sources(TestDesk.class).web(WebApplicationType.NONE)
                .properties(properties.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toArray(String[]::new))
                .run()) {
            // Consuming means its topics exist and the (empty) changelog was restored.
            InboundProcessor pipeline = processor.getBean(InboundProcessor.class);
            await().atMost(WAIT).until(() -> !pipeline.assignedPartitions().isEmpty());
            TopicCollector changelog = new TopicCollector(TestKafkaBroker.bootstrapServers(), CHANGELOG);
            String quiet = newUser();
            String chatty = newUser();
            sendTo(quiet, "q1");
            await().atMost(WAIT).until(() -> cognigyCalls(quiet).size() == 1);

            // Well past the retention for the quiet one, while the chatty one writes every 200 ms (the sleep
            // paces the chatty user; it waits for nothing).
            for (int i = 0; i < 30; i++) {
                sendTo(chatty, "c" + i);
                Thread.sleep(200);
            }
            assertThat(changelog.withKey(key(quiet))).as("the quiet conversation: its state, then a tombstone")
                    .anyMatch(isTombstone()).first().matches(isTombstone().negate());
            assertThat(changelog.withKey(key(chatty))).as("the chatty conversation is never forgotten")
                    .isNotEmpty().noneMatch(isTombstone());

            sendTo(quiet, "q2");
            await().atMost(WAIT).until(() -> cognigyCalls(quiet).size() == 2);
            // A returning conversation starts afresh and is remembered again: its newest changelog record is a state.
            await().atMost(WAIT).until(() -> {
                List<ConsumerRecord<String, byte[]>> records = changelog.withKey(key(quiet));
                return isTombstone().negate().test(records.get(records.size() - 1));
            });
        }
    }

    private void sendTo(String user, String text) {
        InboundEvent event = TestEvents.text(TestEvents.PHONE_NUMBER_ID, user, "wamid." + text + "-" + user, text, Instant.now());
        send(codec.record(INBOUND, event.conversationKey(), event, null));
    }

    private static String key(String user) {
        return TestEvents.PHONE_NUMBER_ID + ":" + user;
    }

    private static Predicate<ConsumerRecord<String, byte[]>> isTombstone() {
        return record -> record.value() == null;
    }
}
