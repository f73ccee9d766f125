package io.wabridge.bench.fake;

import static org.assertj.core.api.Assertions.assertThat;

import io.wabridge.model.Json;
import io.wabridge.model.webhook.Status;
import io.wabridge.model.webhook.WebhookPayload;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StatusWebhooksTest {

    @Test
    void reportsTheStatusOfTheWamidToItsRecipientWithTheCallbackDataTheSendCarried() {
        String body = StatusWebhooks.body(new StatusWebhooks.Accepted("100000000000001", "491510000007", "wamid.fake-3", "out-42"),
                "delivered", 1_750_000_000L);

        WebhookPayload payload = Json.fromBytes(body.getBytes(StandardCharsets.UTF_8), WebhookPayload.class);
        var value = Json.mapper().valueToTree(payload).at("/entry/0/changes/0/value");
        assertThat(value.at("/metadata/phone_number_id").asText()).isEqualTo("100000000000001");
        Status status = Json.mapper().convertValue(value.at("/statuses/0"), Status.class);
        assertThat(status.id()).isEqualTo("wamid.fake-3");
        assertThat(status.status()).isEqualTo("delivered");
        assertThat(status.recipientId()).isEqualTo("491510000007");
        assertThat(status.bizOpaqueCallbackData()).isEqualTo("out-42");
        assertThat(status.timestamp()).isEqualTo("1750000000");
    }

    @Test
    void leavesTheCallbackDataOutWhenTheSendHadNone() {
        String body = StatusWebhooks.body(new StatusWebhooks.Accepted("1", "2", "wamid.x", null), "sent", 0);

        assertThat(body).doesNotContain("biz_opaque_callback_data");
    }
}
