package io.wabridge.ingress.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wabridge.model.Fixtures;
import io.wabridge.model.event.ChangeEvent;
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
 * Meta's documented {@code smb_message_echoes}, {@code messaging_handovers} and {@code standby}
 * webhooks ({@code webhook/*.json} in common-model) reach the processor as inbound events of the
 * conversation they belong to, keyed like the user's messages, and are still kept on
 * {@code whatsapp.changes} as before.
 */
class OtherRespondersSplitTest {

    private static final String NUMBER = "106540352242922";
    private static final String KEY = NUMBER + ":16505551234";
    private static final Instant RECEIVED = Instant.parse("2026-01-01T00:00:00Z");

    private final DeliverySplitter splitter = new DeliverySplitter(new Endpoints(new EndpointsSettings(Map.of(
            "demo", TestEndpointSettings.number(NUMBER).accessToken("t").verifyToken("v").build()))));

    @Test
    void eachEchoIsAnEchoEventOfTheUsersConversationAndTheChangeIsKept() {
        JsonNode delivery = Fixtures.tree("webhook/smb-message-echoes.json");

        SplitDelivery split = splitter.split(delivery, null, RECEIVED);

        List<InboundEvent> echoes = inbound(split);
        assertThat(echoes).extracting(InboundEvent::kind).containsOnly(InboundKind.ECHO);
        assertThat(echoes).extracting(InboundEvent::conversationKey).as("'+1650…' keyed like the user's wa_id")
                .containsExactly(KEY, KEY);
        assertThat(echoes).extracting(InboundEvent::messageType).containsExactly("text", "image");
        assertThat(echoes.get(0).messageId()).isEqualTo("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA=");
        assertThat(echoes.get(0).endpointId()).isEqualTo("demo");
        assertThat(echoes.get(0).sentAt()).isEqualTo(Instant.ofEpochSecond(1739321024L));
        assertThat(echoes.get(0).message()).isEqualTo(delivery.at("/entry/0/changes/0/value/message_echoes/0"));
        assertThat(split.items()).filteredOn(item -> item.destination() == Destination.INBOUND)
                .extracting(DeliveryItem::key).containsOnly(KEY);
        assertThat(changes(split)).singleElement().satisfies(change -> {
            assertThat(change.field()).isEqualTo("smb_message_echoes");
            assertThat(change.endpointId()).isEqualTo("demo");
            assertThat(change.value()).isEqualTo(delivery.at("/entry/0/changes/0/value"));
        });
        assertThat(split.endpoints()).as("the number's endpoint must vouch for the signature").hasSize(1);
    }

    @Test
    void threadControlNotificationsNameWhatHappenedAndARedeliveryKeepsTheirIds() {
        JsonNode delivery = Fixtures.tree("webhook/messaging-handovers.json");

        List<InboundEvent> notifications = inbound(splitter.split(delivery, null, RECEIVED));
        List<InboundEvent> again = inbound(splitter.split(delivery, null, RECEIVED.plusSeconds(60)));

        assertThat(notifications).extracting(InboundEvent::kind).containsOnly(InboundKind.THREAD_CONTROL);
        assertThat(notifications).extracting(InboundEvent::messageType).containsExactly("control_taken", "control_passed");
        assertThat(notifications).extracting(InboundEvent::conversationKey).as("keyed on the contact's business-scoped id, as messages are")
                .containsOnly("106540352242922:US.13491208655302741918");
        assertThat(notifications).extracting(InboundEvent::messageId).containsOnlyNulls();
        assertThat(notifications.get(0).eventId()).isNotEqualTo(notifications.get(1).eventId())
                .isEqualTo(again.get(0).eventId());
        assertThat(notifications.get(1).message().path("control_passed").path("new_owner").asText()).isEqualTo("primary");
        assertThat(changes(splitter.split(delivery, null, RECEIVED))).hasSize(2);
    }

    @Test
    void standbyCopiesOfTheUsersAndTheOwningAppsMessagesAreStandbyEventsAndTheirStatusesStayChanges() {
        JsonNode delivery = Fixtures.tree("webhook/standby.json");

        SplitDelivery split = splitter.split(delivery, null, RECEIVED);

        List<InboundEvent> standby = inbound(split);
        assertThat(standby).extracting(InboundEvent::kind).containsOnly(InboundKind.STANDBY);
        assertThat(standby).extracting(InboundEvent::messageId).containsExactly("wamid.standby-user-1", "wamid.standby-echo-1");
        assertThat(standby).extracting(event -> event.data().path("standby").asText()).containsExactly("messages", "message_echoes");
        assertThat(standby).extracting(InboundEvent::conversationKey).containsOnly(KEY);
        assertThat(standby.get(0).contactName()).isEqualTo("Sheena Nelson");
        assertThat(split.items()).extracting(DeliveryItem::destination).doesNotContain(Destination.STATUSES);
        assertThat(changes(split)).singleElement().satisfies(change -> assertThat(change.field()).isEqualTo("standby"));
    }

    @Test
    void aNumberNoEndpointHasOrAnItemWithoutAUserStaysOnTheChangesTopicOnly() {
        ObjectNode unknownNumber = Fixtures.tree("webhook/smb-message-echoes.json").deepCopy();
        ((ObjectNode) unknownNumber.at("/entry/0/changes/0/value/metadata")).put("phone_number_id", "999");
        ObjectNode noUser = Fixtures.tree("webhook/messaging-handovers.json").deepCopy();
        ((ObjectNode) noUser.at("/entry/0/changes/0/value")).remove("contacts");

        SplitDelivery unknown = splitter.split(unknownNumber, null, RECEIVED);
        SplitDelivery withoutUser = splitter.split(noUser, null, RECEIVED);

        assertThat(unknown.items()).extracting(DeliveryItem::destination).containsExactly(Destination.CHANGES);
        assertThat(unknown.onlyUnknownNumbers()).as("kept, not refused, as before").isFalse();
        assertThat(inbound(withoutUser)).extracting(InboundEvent::messageType).containsExactly("control_passed");
        assertThat(changes(withoutUser)).hasSize(2);
    }

    private static List<InboundEvent> inbound(SplitDelivery split) {
        return split.items().stream().filter(item -> item.destination() == Destination.INBOUND)
                .map(item -> (InboundEvent) item.event()).toList();
    }

    private static List<ChangeEvent> changes(SplitDelivery split) {
        return split.items().stream().filter(item -> item.destination() == Destination.CHANGES)
                .map(item -> (ChangeEvent) item.event()).toList();
    }
}
