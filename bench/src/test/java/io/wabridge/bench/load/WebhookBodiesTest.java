package io.wabridge.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.wabridge.bench.fake.Stamp;
import io.wabridge.ingress.signature.SignatureVerifier;
import io.wabridge.model.Json;
import io.wabridge.model.webhook.WebhookPayload;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookBodiesTest {

    private final WebhookBodies bodies = new WebhookBodies("100000000000001", "secret", 1000);

    @Test
    void writesAValidSignedSingleMessageDeliveryWithItsOwnWamid() {
        byte[] body = bodies.body(42);

        WebhookPayload payload = Json.fromBytes(body, WebhookPayload.class);
        assertThat(payload.object()).isEqualTo("whatsapp_business_account");
        assertThat(new String(body, StandardCharsets.UTF_8)).contains("\"id\":\"wamid.bench-42\"");
        assertThat(SignatureVerifier.isValid("secret", body, bodies.signature(body))).isTrue();
    }

    @Test
    void stampedBodiesCarryTheSequenceAndIntendedTimeInTheText() {
        byte[] body = bodies.stampedBody(42, 1_750_000_000_123_456L);

        WebhookPayload payload = Json.fromBytes(body, WebhookPayload.class);
        assertThat(payload.object()).isEqualTo("whatsapp_business_account");
        String text = Json.mapper().valueToTree(payload).at("/entry/0/changes/0/value/messages/0/text/body").asText();
        assertThat(Stamp.parse(text)).isEqualTo(new Stamp(42, 1_750_000_000_123_456L));
        assertThat(SignatureVerifier.isValid("secret", body, bodies.signature(body))).isTrue();
    }

    @Test
    void spreadsMessagesOverTheConfiguredNumberOfSenders() {
        assertThat(bodies.conversationKey(1)).isEqualTo(bodies.conversationKey(1001)).isNotEqualTo(bodies.conversationKey(2));
    }

    @Test
    void spreadsMessagesOverSeveralNumbersInTurn() {
        WebhookBodies four = new WebhookBodies("100000000000021", "secret", 1000, 4);

        assertThat(four.phoneNumberId(0)).isEqualTo("100000000000021");
        assertThat(four.phoneNumberId(3)).isEqualTo("100000000000024");
        assertThat(four.phoneNumberId(4)).isEqualTo("100000000000021");
        String metadata = Json.mapper().valueToTree(Json.fromBytes(four.body(6), WebhookPayload.class))
                .at("/entry/0/changes/0/value/metadata/phone_number_id").asText();
        assertThat(metadata).isEqualTo("100000000000023");
        assertThat(four.conversationKey(6)).startsWith("100000000000023:");
    }
}
