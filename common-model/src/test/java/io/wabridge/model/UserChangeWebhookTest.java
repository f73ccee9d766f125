package io.wabridge.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.wabridge.model.webhook.Message;
import io.wabridge.model.webhook.MessagesValue;
import io.wabridge.model.webhook.WebhookPayload;
import org.junit.jupiter.api.Test;

/** Meta's documented edit and revoke webhooks ({@code webhook/user-changes.json}) read as messages with their bodies kept. */
class UserChangeWebhookTest {

    @Test
    void editsAndRevokesAreMessagesWithTheirOwnIdAndTheOriginalOneInTheirBody() throws Exception {
        WebhookPayload payload = Json.fromBytes(Fixtures.bytes("webhook/user-changes.json"), WebhookPayload.class);
        MessagesValue value = Json.mapper().treeToValue(payload.entry().get(0).changes().get(0).value(), MessagesValue.class);

        assertThat(value.messages()).extracting(Message::type).containsExactly("edit", "edit", "revoke");
        Message edit = value.messages().get(0);
        assertThat(edit.id()).isEqualTo("wamid.edit1");
        assertThat(edit.senderId()).isNotNull();
        assertThat(edit.other().get("edit").path("original_message_id").asText()).isEqualTo("wamid.text1");
        assertThat(edit.other().get("edit").path("message").path("text").path("body").asText()).isEqualTo("I meant Tuesday, not Thursday");
        assertThat(value.messages().get(2).other().get("revoke").path("original_message_id").asText()).isEqualTo("wamid.text2");
    }
}
