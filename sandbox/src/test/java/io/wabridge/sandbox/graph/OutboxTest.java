package io.wabridge.sandbox.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.wabridge.model.Json;
import io.wabridge.sandbox.SandboxSettingsTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutboxTest {

    private final List<Object> events = new ArrayList<>();
    private final Outbox outbox = new Outbox(
            SandboxSettingsTest.bind("max-messages-per-user=2"), events::add);

    @Test
    void keepsOnlyTheNewestMessagesPerRecipient() {
        SentMessage first = outbox.accept("491", "text", Json.mapper().createObjectNode());
        SentMessage second = outbox.accept("491", "text", Json.mapper().createObjectNode());
        SentMessage third = outbox.accept("491", "text", Json.mapper().createObjectNode());
        SentMessage other = outbox.accept("492", "text", Json.mapper().createObjectNode());

        assertThat(outbox.messagesTo("491")).containsExactly(second, third).doesNotContain(first);
        assertThat(outbox.messagesTo("492")).containsExactly(other);
        assertThat(outbox.messagesTo("493")).isEmpty();
    }

    @Test
    void announcesAcceptedMessagesAndStatuses() {
        SentMessage message = outbox.accept("491", "text", Json.mapper().createObjectNode());
        Instant at = Instant.now();
        outbox.reached(message, "delivered", at);

        assertThat(message.status()).isEqualTo("delivered");
        assertThat(events).containsExactly(new GraphEvents.MessageAccepted(message),
                new GraphEvents.StatusReached(message.id(), "491", "delivered", at));
    }
}
