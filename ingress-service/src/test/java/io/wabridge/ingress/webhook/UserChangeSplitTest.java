package io.wabridge.ingress.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wabridge.model.EventIds;
import io.wabridge.model.Fixtures;
import io.wabridge.model.event.InboundEvent;
import io.wabridge.model.event.InboundKind;
import io.wabridge.model.settings.TestEndpointSettings;
import io.wabridge.support.endpoint.Endpoints;
import io.wabridge.support.endpoint.EndpointsSettings;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Meta's edit and revoke webhooks ({@code webhook/user-changes.json}) become inbound events of
 * their own: their own wamid and event id (so a redelivery is deduped and the edited message's
 * turn is not repeated), the original kept verbatim for the processor to present them as changes.
 */
class UserChangeSplitTest {

    private final DeliverySplitter splitter = new DeliverySplitter(new Endpoints(new EndpointsSettings(Map.of(
            "demo", TestEndpointSettings.number("106540352242922").accessToken("t").verifyToken("v").build()))));

    @Test
    void editsAndRevokesAreInboundMessagesWithTheirOwnIds() {
        JsonNode delivery = Fixtures.tree("webhook/user-changes.json");

        List<InboundEvent> inbound = splitter.split(delivery, null, Instant.parse("2026-01-01T00:00:00Z")).items().stream()
                .filter(item -> item.destination() == Destination.INBOUND).map(item -> (InboundEvent) item.event()).toList();

        assertThat(inbound).extracting(InboundEvent::messageType).containsExactly("edit", "edit", "revoke");
        assertThat(inbound).extracting(InboundEvent::kind).containsOnly(InboundKind.MESSAGE);
        assertThat(inbound).extracting(InboundEvent::messageId).containsExactly("wamid.edit1", "wamid.edit2", "wamid.revoke1");
        assertThat(inbound.get(0).eventId()).isEqualTo(EventIds.inboundMessage("106540352242922", "wamid.edit1"))
                .isNotEqualTo(EventIds.inboundMessage("106540352242922", "wamid.text1"));
        assertThat(inbound.get(0).message()).isEqualTo(delivery.at("/entry/0/changes/0/value/messages/0"));
    }
}
