package io.wabridge.sandbox.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.wabridge.model.Json;
import io.wabridge.model.webhook.MessagesValue;
import io.wabridge.model.webhook.Status;
import io.wabridge.model.webhook.WebhookPayload;
import io.wabridge.sandbox.SandboxHarness;
import io.wabridge.sandbox.webhook.WebhookSigner;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class GraphApiIT extends SandboxHarness {

    private static final String MESSAGES = "/v25.0/" + PHONE_NUMBER_ID + "/messages";

    private static String text(String to, String body) {
        return "{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\",\"to\":\"" + to
                + "\",\"type\":\"text\",\"text\":{\"body\":\"" + body + "\"}}";
    }

    private static List<LoggedRequest> statusWebhooksOf(String wamid) {
        return webhooks(body -> body.findValuesAsText("id").contains(wamid));
    }

    @Test
    void acceptsAValidMessageWithMetasSuccessShape() {
        String to = newUserId();
        Response response = postAuthorized(MESSAGES, TOKEN, text(to, "hello"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().path("messaging_product").asText()).isEqualTo("whatsapp");
        assertThat(response.body().at("/contacts/0/input").asText()).isEqualTo(to);
        assertThat(response.body().at("/contacts/0/wa_id").asText()).isEqualTo(to);
        assertThat(response.body().at("/messages/0/id").asText()).startsWith("wamid.");
        assertThat(get("/sandbox/outbox/" + to).body().findValuesAsText("id"))
                .containsExactly(response.body().at("/messages/0/id").asText());
    }

    @Test
    void answersWithTheWaIdOfAFormattedNumberAndTracksItUnderThatId() {
        String waId = newUserId();
        String formatted = "+" + waId.substring(0, 2) + " " + waId.substring(2, 5) + "-" + waId.substring(5);
        Response response = postAuthorized(MESSAGES, TOKEN, text(formatted, "hello"));

        assertThat(response.body().at("/contacts/0/input").asText()).isEqualTo(formatted);
        assertThat(response.body().at("/contacts/0/wa_id").asText()).isEqualTo(waId);
        String wamid = response.body().at("/messages/0/id").asText();
        await().atMost(Duration.ofSeconds(5)).until(() -> !statusWebhooksOf(wamid).isEmpty());
        assertThat(body(statusWebhooksOf(wamid).get(0)).findValue("recipient_id").asText()).isEqualTo(waId);
    }

    @Test
    void sendsToABusinessScopedUserIdInRecipientAndNamesItOnlyInRecipientUserId() {
        String bsuid = "US." + newUserId();
        String body = "{\"messaging_product\":\"whatsapp\",\"recipient\":\"" + bsuid + "\",\"type\":\"text\",\"text\":{\"body\":\"hi\"}}";
        Response response = postAuthorized(MESSAGES, TOKEN, body);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().at("/contacts/0/user_id").asText()).isEqualTo(bsuid);
        assertThat(response.body().at("/contacts/0").has("wa_id")).as("Meta withholds the wa_id of a BSUID send").isFalse();
        String wamid = response.body().at("/messages/0/id").asText();
        await().atMost(Duration.ofSeconds(5)).until(() -> !statusWebhooksOf(wamid).isEmpty());
        JsonNode status = body(statusWebhooksOf(wamid).get(0)).findValue("statuses").get(0);
        assertThat(status.path("recipient_user_id").asText()).isEqualTo(bsuid);
        assertThat(status.has("recipient_id")).isFalse();
    }

    @Test
    void refusesABusinessScopedUserIdInTo() {
        Response response = postAuthorized(MESSAGES, TOKEN, text("US." + newUserId(), "hello"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().at("/error/code").asInt()).isEqualTo(100);
        assertThat(response.body().at("/error/error_data/details").asText()).contains("recipient");
    }

    @Test
    void rejectsALimitBreachWithMetasErrorShape() {
        String fourButtons = "{\"messaging_product\":\"whatsapp\",\"to\":\"" + newUserId() + "\",\"type\":\"interactive\","
                + "\"interactive\":{\"type\":\"button\",\"body\":{\"text\":\"Pick\"},\"action\":{\"buttons\":["
                + "{\"type\":\"reply\",\"reply\":{\"id\":\"a\",\"title\":\"A\"}},{\"type\":\"reply\",\"reply\":{\"id\":\"b\",\"title\":\"B\"}},"
                + "{\"type\":\"reply\",\"reply\":{\"id\":\"c\",\"title\":\"C\"}},{\"type\":\"reply\",\"reply\":{\"id\":\"d\",\"title\":\"D\"}}]}}}";
        Response response = postAuthorized(MESSAGES, TOKEN, fourButtons);

        assertThat(response.status()).isEqualTo(400);
        JsonNode error = response.body().path("error");
        assertThat(error.path("code").asInt()).isEqualTo(131009);
        assertThat(error.path("type").asText()).isEqualTo("OAuthException");
        assertThat(error.path("message").asText()).isEqualTo("(#131009) Parameter value is not valid");
        assertThat(error.at("/error_data/messaging_product").asText()).isEqualTo("whatsapp");
        assertThat(error.at("/error_data/details").asText()).contains("Invalid buttons count");
        assertThat(error.path("fbtrace_id").asText()).isNotBlank();
        assertThat(error.has("error_subcode")).isFalse();
    }

    @Test
    void rejectsAMissingParameterWith131008AndAnUnknownTypeWith131051() {
        Response missing = postAuthorized(MESSAGES, TOKEN, "{\"messaging_product\":\"whatsapp\",\"type\":\"text\",\"text\":{\"body\":\"x\"}}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().at("/error/code").asInt()).isEqualTo(131008);

        Response unsupported = postAuthorized(MESSAGES, TOKEN,
                "{\"messaging_product\":\"whatsapp\",\"to\":\"491\",\"type\":\"hologram\",\"hologram\":{}}");
        assertThat(unsupported.status()).isEqualTo(400);
        assertThat(unsupported.body().at("/error/code").asInt()).isEqualTo(131051);
    }

    @Test
    void rejectsAWrongOrMissingTokenWith190And401() {
        Response wrong = postAuthorized(MESSAGES, "not-the-token", text(newUserId(), "hi"));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body().at("/error/code").asInt()).isEqualTo(190);
        assertThat(wrong.body().at("/error/type").asText()).isEqualTo("OAuthException");

        Response missing = post(MESSAGES, text(newUserId(), "hi"));
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.body().at("/error/code").asInt()).isEqualTo(190);
    }

    @Test
    void rejectsAnUnknownPhoneNumberIdWithSubcode33() {
        Response response = postAuthorized("/v25.0/999/messages", TOKEN, text(newUserId(), "hi"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().at("/error/code").asInt()).isEqualTo(100);
        assertThat(response.body().at("/error/error_subcode").asInt()).isEqualTo(33);
    }

    @Test
    void checksAppSecretProofWhenSent() {
        String proof = WebhookSigner.hex(APP_SECRET, TOKEN);
        assertThat(postAuthorized(MESSAGES + "?appsecret_proof=" + proof, TOKEN, text(newUserId(), "hi")).status())
                .isEqualTo(200);
        Response wrong = postAuthorized(MESSAGES + "?appsecret_proof=" + proof.replace('a', 'b').replace('0', '1'), TOKEN,
                text(newUserId(), "hi"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body().at("/error/code").asInt()).isEqualTo(100);
    }

    @Test
    void answersMarkAsReadAndTypingWithSuccess() {
        Response read = postAuthorized(MESSAGES, TOKEN,
                "{\"messaging_product\":\"whatsapp\",\"status\":\"read\",\"message_id\":\"wamid.x\",\"typing_indicator\":{\"type\":\"text\"}}");

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().path("success").asBoolean()).isTrue();
    }

    @Test
    void sendsSignedStatusesSentDeliveredReadInOrderWithCallbackData() throws Exception {
        String to = newUserId();
        String body = "{\"messaging_product\":\"whatsapp\",\"to\":\"" + to + "\",\"type\":\"text\",\"text\":{\"body\":\"hi\"},"
                + "\"biz_opaque_callback_data\":\"out-42\"}";
        String wamid = postAuthorized(MESSAGES, TOKEN, body).body().at("/messages/0/id").asText();

        await().atMost(Duration.ofSeconds(5)).until(() -> statusWebhooksOf(wamid).size() >= 3);
        List<LoggedRequest> deliveries = statusWebhooksOf(wamid);
        assertThat(deliveries).hasSize(3).allMatch(SandboxHarness::signedByAppSecret);
        assertThat(deliveries).allSatisfy(request ->
                assertThat(request.getHeader("Content-Type")).startsWith("application/json"));

        List<Status> statuses = deliveries.stream().map(request -> {
            WebhookPayload payload = Json.fromBytes(request.getBody(), WebhookPayload.class);
            assertThat(payload.object()).isEqualTo("whatsapp_business_account");
            assertThat(payload.entry()).singleElement().satisfies(entry ->
                    assertThat(entry.changes()).singleElement().satisfies(change -> assertThat(change.field()).isEqualTo("messages")));
            MessagesValue value = Json.mapper().convertValue(payload.entry().get(0).changes().get(0).value(), MessagesValue.class);
            assertThat(value.messagingProduct()).isEqualTo("whatsapp");
            assertThat(value.metadata().phoneNumberId()).isEqualTo(PHONE_NUMBER_ID);
            assertThat(value.statuses()).hasSize(1);
            return value.statuses().get(0);
        }).toList();
        assertThat(statuses).extracting(Status::status).containsExactly("sent", "delivered", "read");
        assertThat(statuses).allSatisfy(status -> {
            assertThat(status.id()).isEqualTo(wamid);
            assertThat(status.recipientId()).isEqualTo(to);
            assertThat(status.bizOpaqueCallbackData()).isEqualTo("out-42");
            assertThat(Long.parseLong(status.timestamp())).isPositive();
        });
        assertThat(get("/sandbox/outbox/" + to).body().at("/0/status").asText()).isEqualTo("read");
    }

    @Test
    void retriesAStatusWebhookIngressRefusedBeforeSendingTheNext() {
        String to = newUserId();
        // Ingress fails the first delivery for this recipient, then accepts.
        INGRESS.stubFor(WireMock.post(urlEqualTo(WEBHOOK_PATH)).withRequestBody(containing(to))
                .inScenario("flaky-" + to).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("recovered"));
        INGRESS.stubFor(WireMock.post(urlEqualTo(WEBHOOK_PATH)).withRequestBody(containing(to))
                .inScenario("flaky-" + to).whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(200)));

        String wamid = postAuthorized(MESSAGES, TOKEN, text(to, "hi")).body().at("/messages/0/id").asText();

        await().atMost(Duration.ofSeconds(5)).until(() -> statusWebhooksOf(wamid).size() >= 4);
        assertThat(statusWebhooksOf(wamid)).extracting(request -> body(request).findValue("status").asText())
                .containsExactly("sent", "sent", "delivered", "read");
        assertThat(statusWebhooksOf(wamid)).allSatisfy(request ->
                assertThat(body(request).findValue("biz_opaque_callback_data")).isNull());
    }

    @Test
    void failsTheNextSendsToARecipientWithAPlannedFault() {
        String to = newUserId();
        Response planned = post("/sandbox/faults", "{\"code\":131056,\"count\":2,\"recipient\":\"" + to + "\"}");
        assertThat(planned.status()).isEqualTo(201);

        assertThat(postAuthorized(MESSAGES, TOKEN, text(newUserId(), "other user")).status()).isEqualTo(200);
        for (int i = 0; i < 2; i++) {
            Response failed = postAuthorized(MESSAGES, TOKEN, text(to, "hi"));
            assertThat(failed.status()).isEqualTo(400);
            assertThat(failed.body().at("/error/code").asInt()).isEqualTo(131056);
            assertThat(failed.body().at("/error/message").asText()).contains("pair rate limit");
        }
        assertThat(postAuthorized(MESSAGES, TOKEN, text(to, "hi")).status()).isEqualTo(200);
        assertThat(get("/sandbox/outbox/" + to).body()).hasSize(1);
    }

    @Test
    void reportsAPlannedFailedStatusAfterAcceptingTheSend() {
        String to = newUserId();
        post("/sandbox/faults", "{\"code\":131047,\"recipient\":\"" + to + "\",\"failedStatus\":true}");

        Response accepted = postAuthorized(MESSAGES, TOKEN, text(to, "late"));
        assertThat(accepted.status()).isEqualTo(200);
        String wamid = accepted.body().at("/messages/0/id").asText();

        await().atMost(Duration.ofSeconds(5)).until(() -> !statusWebhooksOf(wamid).isEmpty());
        LoggedRequest delivery = statusWebhooksOf(wamid).get(0);
        assertThat(signedByAppSecret(delivery)).isTrue();
        MessagesValue value = Json.mapper().convertValue(
                Json.fromBytes(delivery.getBody(), WebhookPayload.class).entry().get(0).changes().get(0).value(), MessagesValue.class);
        Status status = value.statuses().get(0);
        assertThat(status.status()).isEqualTo("failed");
        assertThat(status.errors()).singleElement().satisfies(error -> assertThat(error.code()).isEqualTo(131047));
        // No sent/delivered/read follow a failure.
        await().during(Duration.ofMillis(400)).atMost(Duration.ofSeconds(2)).until(() -> statusWebhooksOf(wamid).size() == 1);
        assertThat(get("/sandbox/outbox/" + to).body().at("/0/status").asText()).isEqualTo("failed");
    }

    @Test
    void refusesAFaultWithoutCode() {
        assertThat(post("/sandbox/faults", "{\"count\":2}").status()).isEqualTo(400);
    }
}
