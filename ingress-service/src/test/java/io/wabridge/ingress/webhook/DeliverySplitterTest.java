package io.wabridge.ingress.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wabridge.model.EventIds;
import io.wabridge.model.Fixtures;
import io.wabridge.model.event.ChangeEvent;
import io.wabridge.model.event.DeliveryStatus;
import io.wabridge.model.event.InboundEvent;
import io.wabridge.model.event.InboundKind;
import io.wabridge.model.event.QuarantineRecord;
import io.wabridge.model.event.StatusEvent;
import io.wabridge.model.settings.EndpointSettings;
import io.wabridge.model.settings.TestEndpointSettings;
import io.wabridge.support.endpoint.Endpoint;
import io.wabridge.support.endpoint.Endpoints;
import io.wabridge.support.endpoint.EndpointsSettings;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeliverySplitterTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private final Endpoints endpoints = new Endpoints(new EndpointsSettings(Map.of(
            "demo", settings("106540352242922"))));
    private final DeliverySplitter splitter = new DeliverySplitter(endpoints);

    @Test
    void everyMessageOfEveryTypeBecomesAnInboundEventCarryingTheOriginal() {
        JsonNode delivery = Fixtures.tree("webhook/all-message-types.json");
        JsonNode originals = delivery.at("/entry/0/changes/0/value/messages");

        SplitDelivery split = splitter.split(delivery, null, NOW);

        List<InboundEvent> inbound = events(split, Destination.INBOUND, InboundEvent.class);
        assertThat(inbound).hasSize(originals.size());
        for (int i = 0; i < inbound.size(); i++) {
            InboundEvent event = inbound.get(i);
            assertThat(event.message()).isEqualTo(originals.get(i));
            assertThat(event.kind()).isEqualTo(InboundKind.MESSAGE);
            assertThat(event.conversationKey()).as("keyed on the contact's business-scoped id").isEqualTo("106540352242922:US.13491208655302741918");
            assertThat(event.endpointId()).isEqualTo("demo");
            assertThat(event.eventId()).isEqualTo(EventIds.inboundMessage("106540352242922", originals.get(i).get("id").asText()));
            assertThat(event.contactName()).isEqualTo("Sheena Nelson");
            assertThat(event.receivedAt()).isEqualTo(NOW);
        }
        assertThat(inbound.get(0).sentAt()).isEqualTo(Instant.ofEpochSecond(1749416383L));
        assertThat(inbound).extracting(InboundEvent::messageType).contains("hologram", "unsupported", "request_welcome");
        assertThat(split.endpoints()).extracting(Endpoint::id).containsExactly("demo");
    }

    /** docs/events.md, "Conversation key": the business-scoped id wherever the webhook has it, the wa_id only without one. */
    @Test
    void messagesAndStatusesAreKeyedOnTheBusinessScopedIdWhereverTheWebhookCarriesIt() {
        SplitDelivery split = splitter.split(Fixtures.tree("webhook/business-scoped-users.json"), null, NOW);

        assertThat(events(split, Destination.INBOUND, InboundEvent.class)).extracting(InboundEvent::conversationKey)
                .containsExactly("106540352242922:US.13491208655302741918", "106540352242922:US.90871234509876543210");
        assertThat(events(split, Destination.INBOUND, InboundEvent.class).get(0).contact().at("/profile/username").asText())
                .isEqualTo("@ana.sells");
        assertThat(events(split, Destination.STATUSES, StatusEvent.class)).extracting(StatusEvent::conversationKey)
                .as("a failed send to a phone number has only recipient_id")
                .containsExactly("106540352242922:US.13491208655302741918", "106540352242922:US.90871234509876543210",
                        "106540352242922:16505551234");
    }

    /** An identity change is keyed on the new identity, which claims the old one's state from there. */
    @Test
    void anIdentityChangeIsKeyedOnTheNewIdentity() {
        SplitDelivery split = splitter.split(Fixtures.tree("webhook/identity-changes.json"), null, NOW);

        assertThat(events(split, Destination.INBOUND, InboundEvent.class)).extracting(InboundEvent::conversationKey)
                .containsExactly("106540352242922:US.55501234567890123456", "106540352242922:US.24681357924681357924",
                        "106540352242922:12195555358");
    }

    @Test
    void statusesKeepTheirErrorsAndUnknownStatusesAreNotDropped() {
        SplitDelivery split = splitter.split(Fixtures.tree("webhook/statuses.json"), null, NOW);

        List<StatusEvent> statuses = events(split, Destination.STATUSES, StatusEvent.class);
        assertThat(statuses).extracting(StatusEvent::status).containsExactly(DeliveryStatus.SENT, DeliveryStatus.DELIVERED,
                DeliveryStatus.READ, DeliveryStatus.FAILED, DeliveryStatus.PLAYED, DeliveryStatus.UNKNOWN);
        assertThat(statuses.get(0).callbackData()).isEqualTo("ob-1");
        assertThat(statuses.get(3).errors()).singleElement().satisfies(error -> {
            assertThat(error.code()).isEqualTo(131047);
            assertThat(error.details()).contains("24 hours");
        });
        assertThat(statuses.get(5).original().get("status").asText()).isEqualTo("teleported");
        assertThat(events(split, Destination.CHANGES, ChangeEvent.class)).singleElement()
                .satisfies(change -> assertThat(change.field()).isEqualTo("account_update"));
    }

    @Test
    void unknownPhoneNumberIsQuarantinedNotDropped() {
        JsonNode delivery = Fixtures.tree("webhook/all-message-types.json");
        Endpoints none = new Endpoints(new EndpointsSettings(Map.of("other", settings("999"))));

        SplitDelivery split = new DeliverySplitter(none).split(delivery, null, NOW);

        assertThat(split.onlyUnknownNumbers()).isTrue();
        assertThat(split.unknownPhoneNumberIds()).containsExactly("106540352242922");
        assertThat(events(split, Destination.QUARANTINE, QuarantineRecord.class)).singleElement()
                .satisfies(record -> assertThat(record.reason()).contains("106540352242922"));
    }

    @Test
    void messageWithoutSenderIsQuarantined() throws Exception {
        JsonNode delivery = io.wabridge.model.Json.mapper().readTree("""
                {"object":"whatsapp_business_account","entry":[{"id":"W","changes":[{"field":"messages","value":{
                 "metadata":{"phone_number_id":"106540352242922"},
                 "messages":[{"id":"wamid.x","type":"text","text":{"body":"who am I"}}]}}]}]}""");

        SplitDelivery split = splitter.split(delivery, null, NOW);

        assertThat(split.items()).singleElement().satisfies(item -> assertThat(item.destination()).isEqualTo(Destination.QUARANTINE));
    }

    private static <T> List<T> events(SplitDelivery split, Destination destination, Class<T> type) {
        return split.items().stream().filter(item -> item.destination() == destination).map(item -> type.cast(item.event())).toList();
    }

    private static EndpointSettings settings(String phoneNumberId) {
        return TestEndpointSettings.number(phoneNumberId).accessToken("t").verifyToken("v").build();
    }
}
