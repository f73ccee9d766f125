package io.wabridge.egress.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wabridge.model.Json;
import io.wabridge.model.event.OutboundKind;
import io.wabridge.model.event.OutboundMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GraphClientTest {

    private static final OutboundMessage TEXT = outbound(OutboundKind.MESSAGE,
            Json.mapper().createObjectNode().put("type", "text").put("to", "someone-else")
                    .set("text", Json.mapper().createObjectNode().put("body", "Hi")));

    @Test
    void acceptedMessageCarriesItsWamid() {
        GraphResult result = GraphClient.interpret(TEXT, 200, bytes(
                "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"491\",\"wa_id\":\"491\"}],\"messages\":[{\"id\":\"wamid.X\"}]}"));

        assertThat(result.isAccepted()).isTrue();
        assertThat(result.wamid()).isEqualTo("wamid.X");
    }

    @Test
    void okWithoutMessageIdIsTransient() {
        GraphResult result = GraphClient.interpret(TEXT, 200, bytes("<html>proxy</html>"));

        assertThat(result.errorClass()).isEqualTo(ErrorClass.TRANSIENT);
    }

    @Test
    void markReadSuccessIsAccepted() {
        GraphResult result = GraphClient.interpret(outbound(OutboundKind.MARK_READ, null), 200, bytes("{\"success\":true}"));

        assertThat(result.isAccepted()).isTrue();
        assertThat(result.wamid()).isNull();
    }

    @Test
    void readsTheGraphErrorAndClassifiesItsCode() {
        GraphResult result = GraphClient.interpret(TEXT, 400, bytes("{\"error\":{\"message\":\"(#131056) Pair rate limit hit\","
                + "\"type\":\"OAuthException\",\"code\":131056,\"error_data\":{\"messaging_product\":\"whatsapp\","
                + "\"details\":\"Too many messages\"},\"fbtrace_id\":\"AbC\"}}"));

        assertThat(result.errorClass()).isEqualTo(ErrorClass.PAIR_THROTTLED);
        assertThat(result.error().code()).isEqualTo(131056);
        assertThat(result.error().details()).isEqualTo("Too many messages");
        assertThat(result.error().fbtraceId()).isEqualTo("AbC");
        assertThat(result.httpStatus()).isEqualTo(400);
    }

    @Test
    void garbageErrorBodyIsTransient() {
        assertThat(GraphClient.interpret(TEXT, 502, bytes("Bad gateway")).errorClass()).isEqualTo(ErrorClass.TRANSIENT);
        assertThat(GraphClient.interpret(TEXT, 400, new byte[0]).errorClass()).isEqualTo(ErrorClass.TRANSIENT);
    }

    @Test
    void messageBodyAddsRecipientAndCallbackDataAndDropsAForeignTo() {
        JsonNode body = GraphRequests.body(TEXT);

        assertThat(body.path("messaging_product").asText()).isEqualTo("whatsapp");
        assertThat(body.path("recipient_type").asText()).isEqualTo("individual");
        assertThat(body.path("to").asText()).isEqualTo("491");
        assertThat(body.path("type").asText()).isEqualTo("text");
        assertThat(body.path("text").path("body").asText()).isEqualTo("Hi");
        assertThat(body.path("biz_opaque_callback_data").asText()).isEqualTo("ob-1");
    }

    @Test
    void typingBodyMarksReadAndShowsTheIndicator() {
        JsonNode body = GraphRequests.body(outbound(OutboundKind.TYPING, null));

        assertThat(body.path("status").asText()).isEqualTo("read");
        assertThat(body.path("message_id").asText()).isEqualTo("wamid.user");
        assertThat(body.path("typing_indicator").path("type").asText()).isEqualTo("text");
        assertThat(body.has("to")).isFalse();
    }

    @Test
    void aBusinessScopedUserIdIsAddressedInRecipientNeverInTo() {
        OutboundMessage toUsername = new OutboundMessage(1, "ob-2", "in-2", 0, OutboundKind.MESSAGE, "demo", "1001",
                "1001:US.13491208655302741918", "US.13491208655302741918", null,
                Json.mapper().createObjectNode().put("type", "text").put("recipient", "someone-else")
                        .set("text", Json.mapper().createObjectNode().put("body", "Hi")), Instant.now());

        JsonNode body = GraphRequests.body(toUsername);

        assertThat(body.path("recipient").asText()).isEqualTo("US.13491208655302741918");
        assertThat(body.has("to")).as("Graph does not deliver to a BSUID in to").isFalse();
        assertThat(body.path("text").path("body").asText()).isEqualTo("Hi");
    }

    @Test
    void aPhoneNumberSendKeepsToAndHasNoRecipient() {
        JsonNode body = GraphRequests.body(TEXT);

        assertThat(body.path("to").asText()).isEqualTo("491");
        assertThat(body.has("recipient")).isFalse();
    }

    @Test
    void kindNotAllowedToABusinessScopedIdIsPermanentWithItsMeaning() {
        GraphResult result = GraphClient.interpret(TEXT, 400, bytes("{\"error\":{\"message\":\"(#131062) Business-scoped user id not supported\","
                + "\"type\":\"OAuthException\",\"code\":131062,\"fbtrace_id\":\"Zz\"}}"));

        assertThat(result.errorClass()).isEqualTo(ErrorClass.PERMANENT);
        assertThat(result.reason()).startsWith("Graph error 131062 (HTTP 400)")
                .contains("cannot be sent to a business-scoped user id");
    }

    @Test
    void appSecretProofIsHexHmacOfTheToken() {
        // Reference: printf %s token | openssl dgst -sha256 -hmac secret
        assertThat(AppSecretProof.of("secret", "token")).isEqualTo("e941110e3d2bfe82621f0e3e1434730d7305d106c5f68c87165d0b27a4611a4a");
    }

    private static OutboundMessage outbound(OutboundKind kind, JsonNode message) {
        return new OutboundMessage(1, "ob-1", "in-1", 0, kind, "demo", "1001", "1001:491", "491", "wamid.user", message, Instant.now());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
