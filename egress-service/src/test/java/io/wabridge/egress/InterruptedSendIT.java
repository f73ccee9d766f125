package io.wabridge.egress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wabridge.egress.ledger.LedgerSettings;
import io.wabridge.egress.ledger.SendLedger;
import io.wabridge.model.Topics;
import io.wabridge.model.event.DeliveryStatus;
import io.wabridge.model.event.OutboundMessage;
import io.wabridge.model.event.StatusEvent;
import io.wabridge.model.event.StatusSource;
import io.wabridge.model.state.LedgerEntry;
import io.wabridge.support.kafka.KafkaClientFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * An instance killed after Graph accepted a message and before its accepted ledger entry leaves
 * the intent it wrote before the call (written here by a second ledger, as that instance would
 * have), and the record comes back uncommitted. Whether Graph took it, only Meta's status
 * webhook tells: with one, the message is not sent again; without one, it is sent once more
 * after {@code intent-wait} (2 s in the tests). Its recipient's next message waits behind it.
 */
class InterruptedSendIT extends EgressITSupport {

    @Autowired
    SendLedger ledger;
    @Autowired
    LedgerSettings ledgerSettings;
    @Autowired
    KafkaClientFactory clients;
    @Autowired
    KafkaTemplate<String, byte[]> template;

    @Test
    void aStatusWebhookProvesTheInterruptedSendAndNothingIsSentAgain() {
        String user = newRecipient();
        OutboundMessage reply = text("fast", "1004", user, 0, "accepted before the crash");
        OutboundMessage next = text("fast", "1004", user, 1, "next");
        crashedInstanceLeavesIntentOf(reply);

        publish(Topics.OUTBOUND, reply); // redelivered: its offset was never committed
        publish(Topics.OUTBOUND, next);
        publishStatus(webhookStatus(reply, reply.outboundId()));

        await().atMost(Duration.ofSeconds(20)).until(() -> !requestsFor(next).isEmpty());
        assertThat(requestsFor(reply)).as("Graph already has it").isEmpty();
        assertThat(ledger.contains(reply.outboundId())).as("recorded as sent").isTrue();
        assertThat(ledger.intentOf(reply.outboundId())).isNull();
    }

    @Test
    void withoutAStatusTheInterruptedSendIsSentAgainAfterTheWaitAndBeforeTheNextMessage() {
        String user = newRecipient();
        OutboundMessage reply = text("fast", "1004", user, 0, "maybe lost in the crash");
        OutboundMessage next = text("fast", "1004", user, 1, "next");
        crashedInstanceLeavesIntentOf(reply);
        // A status of another message to the same user proves nothing about this one.
        publishStatus(webhookStatus(reply, UUID.randomUUID().toString()));

        publish(Topics.OUTBOUND, reply);
        publish(Topics.OUTBOUND, next);

        await().atMost(Duration.ofSeconds(20)).until(() -> !requestsFor(next).isEmpty());
        assertThat(requestsFor(reply)).hasSize(1);
        assertThat(firstRequestsTo(user)).extracting(EgressITSupport::textOf).containsExactly("maybe lost in the crash", "next");
        await().atMost(Duration.ofSeconds(10)).until(() -> ledger.contains(reply.outboundId()));
    }

    private void crashedInstanceLeavesIntentOf(OutboundMessage message) {
        SendLedger crashed = new SendLedger(ledgerSettings, clients, template);
        crashed.start();
        try {
            crashed.record(LedgerEntry.intent(message.outboundId(), message.phoneNumberId(), message.conversationKey())).join();
        } finally {
            crashed.stop();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> ledger.intentOf(message.outboundId()) != null);
    }

    private static StatusEvent webhookStatus(OutboundMessage message, String callbackData) {
        Instant now = Instant.now();
        return new StatusEvent(StatusEvent.SCHEMA_VERSION, UUID.randomUUID().toString(), StatusSource.WEBHOOK, message.endpointId(),
                message.phoneNumberId(), message.conversationKey(), message.recipient(), "wamid.before-crash-" + callbackData, null,
                DeliveryStatus.SENT, now, now, callbackData, List.of(), null);
    }

    private static void publishStatus(StatusEvent status) {
        publish(codec().record(Topics.STATUSES, status.conversationKey(), status, null));
    }
}
