package io.wabridge.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.wabridge.model.webhook.Message;
import io.wabridge.model.webhook.MessagesValue;
import io.wabridge.model.webhook.Status;
import io.wabridge.model.webhook.WebhookPayload;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class WebhookPayloadTest {

    private static MessagesValue firstValue(String resource) throws Exception {
        WebhookPayload payload = Json.fromBytes(Fixtures.bytes(resource), WebhookPayload.class);
        assertThat(payload.object()).isEqualTo(WebhookPayload.WHATSAPP_OBJECT);
        return Json.mapper().treeToValue(payload.entry().get(0).changes().get(0).value(), MessagesValue.class);
    }

    @Test
    void readsEveryDocumentedMessageType() throws Exception {
        MessagesValue value = firstValue("webhook/all-message-types.json");
        Map<String, Message> byId = value.messages().stream().collect(Collectors.toMap(Message::id, Function.identity()));

        assertThat(value.metadata().phoneNumberId()).isEqualTo("106540352242922");
        assertThat(value.contacts().get(0).conversationUserId()).as("the business-scoped id keys the conversation")
                .isEqualTo("US.13491208655302741918");
        assertThat(byId.get("wamid.text").text().body()).isEqualTo("Does it come in another color?");
        assertThat(byId.get("wamid.image").image().caption()).isEqualTo("This one");
        assertThat(byId.get("wamid.video").video().mimeType()).isEqualTo("video/mp4");
        assertThat(byId.get("wamid.document").document().filename()).isEqualTo("invoice.pdf");
        assertThat(byId.get("wamid.audio").audio().voice()).isTrue();
        assertThat(byId.get("wamid.sticker").sticker().animated()).isFalse();
        assertThat(byId.get("wamid.location").location().latitude()).isEqualTo(37.483307);
        assertThat(byId.get("wamid.contacts").contacts().get(0).at("/name/formatted_name").asText()).isEqualTo("Barbara Johnson");
        assertThat(byId.get("wamid.button_reply").interactive().buttonReply().id()).isEqualTo("PAYLOAD_YES");
        assertThat(byId.get("wamid.button_reply").context().id()).isEqualTo("wamid.bot1");
        assertThat(byId.get("wamid.list_reply").interactive().listReply().description()).isEqualTo("Next day");
        assertThat(byId.get("wamid.nfm_reply").interactive().nfmReply().responseJson()).contains("flow_token");
        assertThat(byId.get("wamid.button").button().payload()).isEqualTo("STOP");
        assertThat(byId.get("wamid.reaction").reaction().emoji()).isEqualTo("\uD83D\uDC4D");
        assertThat(byId.get("wamid.order").order().productItems()).hasSize(1);
        assertThat(byId.get("wamid.system").system().waId()).isEqualTo("16505559999");
        assertThat(byId.get("wamid.request_welcome").type()).isEqualTo("request_welcome");
        assertThat(byId.get("wamid.referral").referral().ctwaClid()).isEqualTo("CLID");
        assertThat(byId.get("wamid.unsupported").errors().get(0).code()).isEqualTo(131051);
    }

    @Test
    void keepsUnknownTypesAndFields() throws Exception {
        Message future = firstValue("webhook/all-message-types.json").messages().stream()
                .filter(message -> message.id().equals("wamid.future")).findFirst().orElseThrow();

        assertThat(future.type()).isEqualTo("hologram");
        assertThat(future.other()).containsKeys("hologram", "new_top_level_field");
        assertThat(future.other().get("hologram").get("depth").asInt()).isEqualTo(3);
    }

    @Test
    void readsEveryStatus() throws Exception {
        List<Status> statuses = firstValue("webhook/statuses.json").statuses();

        assertThat(statuses).extracting(Status::status)
                .containsExactly("sent", "delivered", "read", "failed", "played", "teleported");
        assertThat(statuses.get(0).bizOpaqueCallbackData()).isEqualTo("ob-1");
        assertThat(statuses.get(0).pricing().get("category").asText()).isEqualTo("service");
        assertThat(statuses.get(3).errors().get(0).details()).contains("24 hours");
    }

    @Test
    void senderFallsBackToBusinessScopedUserId() throws Exception {
        String json = "{\"from_user_id\":\"US.123\",\"id\":\"wamid.u\",\"type\":\"text\",\"text\":{\"body\":\"hi\"}}";

        Message message = Json.mapper().readValue(json, Message.class);

        assertThat(message.senderId()).isEqualTo("US.123");
    }
}
