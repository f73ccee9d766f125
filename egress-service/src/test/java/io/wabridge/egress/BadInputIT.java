package io.wabridge.egress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wabridge.model.EventHeaders;
import io.wabridge.model.Topics;
import io.wabridge.model.event.OutboundMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** Records that cannot be sent land in the dead-letter topic once, and do not block what follows. */
class BadInputIT extends EgressITSupport {

    @Test
    void deadLettersAnUnreadableRecordOnceAndSendsTheNextOne() {
        String user = newRecipient();
        String key = "1004:" + user;
        byte[] garbage = ("{not json " + user).getBytes(StandardCharsets.UTF_8);
        ProducerRecord<String, byte[]> poison = new ProducerRecord<>(Topics.OUTBOUND, key, garbage);
        poison.headers().add(EventHeaders.EVENT_TYPE, "outbound".getBytes(StandardCharsets.UTF_8));
        OutboundMessage next = text("fast", "1004", user, 0, "still works");

        publish(poison);
        publish(Topics.OUTBOUND, next);

        await().atMost(Duration.ofSeconds(20)).until(() -> !requestsFor(next).isEmpty());
        await().atMost(Duration.ofSeconds(10)).until(() -> deadLettersWithKey(key).size() == 1);
        ConsumerRecord<String, byte[]> dead = deadLettersWithKey(key).get(0);
        assertThat(dead.value()).isEqualTo(garbage);
        assertThat(header(dead, EventHeaders.FAILURE_REASON)).startsWith("unreadable outbound record");
    }

    @Test
    void deadLettersARecordForAnUnknownEndpoint() {
        String user = newRecipient();
        OutboundMessage stranger = text("nobody", "9999", user, 0, "to whom?");

        publish(Topics.OUTBOUND, stranger);

        await().atMost(Duration.ofSeconds(20)).until(() -> deadLettersWithKey(stranger.conversationKey()).size() == 1);
        assertThat(header(deadLettersWithKey(stranger.conversationKey()).get(0), EventHeaders.FAILURE_REASON))
                .contains("unknown endpoint");
        assertThat(requestsTo(user)).isEmpty();
    }

    private static List<ConsumerRecord<String, byte[]>> deadLettersWithKey(String key) {
        return records(Topics.deadLetterOf(Topics.OUTBOUND), record -> key.equals(record.key()));
    }
}
