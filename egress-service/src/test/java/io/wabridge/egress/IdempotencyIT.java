package io.wabridge.egress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wabridge.egress.ledger.LedgerSettings;
import io.wabridge.egress.ledger.SendLedger;
import io.wabridge.model.EventHeaders;
import io.wabridge.model.Topics;
import io.wabridge.model.event.OutboundMessage;
import io.wabridge.model.state.LedgerEntry;
import io.wabridge.support.kafka.EventCodec;
import io.wabridge.support.kafka.KafkaClientFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

/** The send ledger: nothing that Graph accepted is sent again. */
class IdempotencyIT extends EgressITSupport {

    @Autowired
    SendLedger ledger;
    @Autowired
    LedgerSettings ledgerSettings;
    @Autowired
    KafkaClientFactory clients;
    @Autowired
    KafkaTemplate<String, byte[]> template;

    @Test
    void doesNotSendARedeliveredOutboundMessageTwice() {
        String user = newRecipient();
        String inbound = UUID.randomUUID().toString();
        OutboundMessage reply = message(inbound, "fast", "1004", user, 0, "once");
        OutboundMessage next = message(inbound, "fast", "1004", user, 1, "after");

        publish(Topics.OUTBOUND, reply);
        await().atMost(Duration.ofSeconds(20)).until(() -> ledger.contains(reply.outboundId()));
        int sendsOfReply = requestsFor(reply).size(); // 1, or 2 if a cold first request timed out
        publish(Topics.OUTBOUND, reply); // the same record again, as after a crash or a replay
        publish(Topics.OUTBOUND, next);

        // "after" is behind the redelivered copy in the recipient's lane: once it went, the copy was handled.
        await().atMost(Duration.ofSeconds(20)).until(() -> !requestsFor(next).isEmpty());
        assertThat(requestsFor(reply)).hasSize(sendsOfReply);
        assertThat(firstRequestsTo(user)).extracting(EgressITSupport::textOf).containsExactly("once", "after");
    }

    @Test
    void aForcedReplaySendsAgainWhatTheLedgerHas() {
        String user = newRecipient();
        OutboundMessage reply = message(UUID.randomUUID().toString(), "fast", "1004", user, 0, "twice");

        publish(Topics.OUTBOUND, reply);
        await().atMost(Duration.ofSeconds(20)).until(() -> ledger.contains(reply.outboundId()));
        int sendsOfReply = requestsFor(reply).size();
        ProducerRecord<String, byte[]> forced = new EventCodec().record(Topics.OUTBOUND, reply.conversationKey(), reply, null);
        forced.headers().add(EventHeaders.REPLAY_FORCE, "true".getBytes(StandardCharsets.UTF_8));
        publish(forced);

        await().atMost(Duration.ofSeconds(20)).until(() -> requestsFor(reply).size() > sendsOfReply);
    }

    @Test
    void aRestartedLedgerKnowsEverySendRecordedBefore() {
        String outboundId = UUID.randomUUID().toString();
        ledger.record(LedgerEntry.of(outboundId, "wamid.restart", "1004", "1004:1", Instant.now())).join();

        SendLedger restarted = new SendLedger(ledgerSettings, clients, template);
        restarted.start();
        try {
            assertThat(restarted.contains(outboundId)).isTrue();
            assertThat(restarted.contains(UUID.randomUUID().toString())).isFalse();
        } finally {
            restarted.stop();
        }
    }

    @Test
    void aLedgerEntryWrittenByAnotherInstanceStopsTheSend() {
        String user = newRecipient();
        OutboundMessage reply = text("fast", "1004", user, 0, "sent by someone else");
        OutboundMessage next = text("fast", "1004", user, 1, "ours");
        SendLedger otherInstance = new SendLedger(ledgerSettings, clients, template);
        otherInstance.start();
        try {
            otherInstance.record(LedgerEntry.of(reply.outboundId(), "wamid.other", "1004", reply.conversationKey(), Instant.now())).join();
        } finally {
            otherInstance.stop();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> ledger.contains(reply.outboundId()));

        publish(Topics.OUTBOUND, reply);
        publish(Topics.OUTBOUND, next);

        await().atMost(Duration.ofSeconds(20)).until(() -> !requestsFor(next).isEmpty());
        assertThat(requestsFor(reply)).isEmpty();
    }
}
