package io.wabridge.sandbox.chat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.wabridge.model.Json;
import io.wabridge.model.webhook.Message;
import io.wabridge.model.webhook.MessagesValue;
import io.wabridge.model.webhook.WebhookPayload;
import io.wabridge.sandbox.SandboxHarness;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ChatIT extends SandboxHarness {

    private static final String MESSAGES = "/v25.0/" + PHONE_NUMBER_ID + "/messages";

    /** The single webhook ingress received for {@code messageId}, checked for signature and envelope. */
    private static MessagesValue deliveredWebhook(String messageId) {
        List<LoggedRequest> deliveries = webhooks(body -> body.findValuesAsText("id").contains(messageId));
        assertThat(deliveries).hasSize(1);
        LoggedRequest request = deliveries.get(0);
        assertThat(signedByAppSecret(request)).as("X-Hub-Signature-256 over the raw body").isTrue();
        WebhookPayload payload = Json.fromBytes(request.getBody(), WebhookPayload.class);
        assertThat(payload.object()).isEqualTo("whatsapp_business_account");
        assertThat(payload.entry()).hasSize(1);
        assertThat(payload.entry().get(0).id()).isNotBlank();
        assertThat(payload.entry().get(0).changes()).singleElement()
                .satisfies(change -> assertThat(change.field()).isEqualTo("messages"));
        MessagesValue value = Json.mapper().convertValue(payload.entry().get(0).changes().get(0).value(), MessagesValue.class);
        assertThat(value.messagingProduct()).isEqualTo("whatsapp");
        assertThat(value.metadata().phoneNumberId()).isEqualTo(PHONE_NUMBER_ID);
        assertThat(value.metadata().displayPhoneNumber()).isNotBlank();
        assertThat(value.messages()).hasSize(1);
        return value;
    }

    @Test
    void typedTextBecomesASignedTextWebhook() {
        String userId = newUserId();
        Response response = post("/chat/api/messages", "{\"userId\":\"" + userId + "\",\"name\":\"Ada\",\"text\":\"Hello bot\"}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().path("ingressStatus").asInt()).isEqualTo(200);
        String messageId = response.body().path("messageId").asText();
        assertThat(messageId).startsWith("wamid.");

        MessagesValue value = deliveredWebhook(messageId);
        assertThat(value.contacts()).singleElement().satisfies(contact -> {
            assertThat(contact.waId()).isEqualTo(userId);
            assertThat(contact.profile().name()).isEqualTo("Ada");
        });
        Message message = value.messages().get(0);
        assertThat(message.from()).isEqualTo(userId);
        assertThat(message.id()).isEqualTo(messageId);
        assertThat(message.type()).isEqualTo("text");
        assertThat(message.text().body()).isEqualTo("Hello bot");
        assertThat(Long.parseLong(message.timestamp())).isCloseTo(System.currentTimeMillis() / 1000, org.assertj.core.data.Offset.offset(60L));
        assertThat(message.context()).isNull();
    }

    @Test
    void buttonClickBecomesAnInteractiveButtonReplyWithContext() {
        String userId = newUserId();
        Response response = post("/chat/api/messages", "{\"userId\":\"" + userId + "\",\"name\":\"Ada\",\"reply\":"
                + "{\"type\":\"button_reply\",\"id\":\"COLOR_RED\",\"title\":\"Red\",\"contextMessageId\":\"wamid.bot-1\"}}");

        assertThat(response.status()).isEqualTo(200);
        Message message = deliveredWebhook(response.body().path("messageId").asText()).messages().get(0);
        assertThat(message.type()).isEqualTo("interactive");
        assertThat(message.interactive().type()).isEqualTo("button_reply");
        assertThat(message.interactive().buttonReply().id()).isEqualTo("COLOR_RED");
        assertThat(message.interactive().buttonReply().title()).isEqualTo("Red");
        assertThat(message.interactive().listReply()).isNull();
        assertThat(message.context().id()).isEqualTo("wamid.bot-1");
        assertThat(message.context().from()).isEqualTo("15550000001");
    }

    @Test
    void listRowClickBecomesAListReplyWithDescription() {
        Response response = post("/chat/api/messages", "{\"userId\":\"" + newUserId() + "\",\"reply\":{\"type\":\"list_reply\","
                + "\"id\":\"PLAN_PRO\",\"title\":\"Pro\",\"description\":\"Unlimited\",\"contextMessageId\":\"wamid.bot-2\"}}");

        Message message = deliveredWebhook(response.body().path("messageId").asText()).messages().get(0);
        assertThat(message.interactive().type()).isEqualTo("list_reply");
        assertThat(message.interactive().listReply().id()).isEqualTo("PLAN_PRO");
        assertThat(message.interactive().listReply().description()).isEqualTo("Unlimited");
        assertThat(message.context().id()).isEqualTo("wamid.bot-2");
    }

    @Test
    void reportsWhenIngressRefusesTheWebhook() {
        String userId = newUserId();
        INGRESS.stubFor(WireMock.post(urlEqualTo(WEBHOOK_PATH)).withRequestBody(containing(userId))
                .willReturn(aResponse().withStatus(503).withBody("broker down")));

        Response response = post("/chat/api/messages", "{\"userId\":\"" + userId + "\",\"text\":\"hi\"}");

        assertThat(response.status()).isEqualTo(502);
        assertThat(response.body().path("ingressStatus").asInt()).isEqualTo(503);
        assertThat(response.body().path("ingressResponse").asText()).isEqualTo("broker down");
    }

    @Test
    void servesTheChatPageAtTheRoot() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("chat/chat.js", "chat/chat.css");
        HttpResponse<String> script = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/chat/chat.js")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.body()).contains("chat/api/stream");
    }

    @Test
    void rejectsInputThatCannotBeAWebhook() {
        assertThat(post("/chat/api/messages", "{\"userId\":\"alice\",\"text\":\"hi\"}").status()).isEqualTo(400);
        assertThat(post("/chat/api/messages", "{\"userId\":\"" + newUserId() + "\"}").status()).isEqualTo(400);
        assertThat(post("/chat/api/messages", "{\"userId\":\"" + newUserId() + "\",\"reply\":{\"type\":\"nfm_reply\","
                + "\"id\":\"a\",\"title\":\"A\"}}").status()).isEqualTo(400);
    }

    @Test
    void streamsBotMessagesTicksAndReadReceiptsAndKeepsTheHistory() {
        String userId = newUserId();
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpClient client = HttpClient.newHttpClient();
        CompletableFuture<HttpResponse<Void>> stream = client.sendAsync(
                HttpRequest.newBuilder(uri("/chat/api/stream?userId=" + userId)).build(),
                HttpResponse.BodyHandlers.ofLines()).thenApply(response -> {
                    response.body().forEach(lines::add);
                    return null;
                });
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> lines.contains("event:ready"));
            String userMessageId = post("/chat/api/messages", "{\"userId\":\"" + userId + "\",\"text\":\"hi\"}")
                    .body().path("messageId").asText();
            postAuthorized(MESSAGES, TOKEN, "{\"messaging_product\":\"whatsapp\",\"status\":\"read\",\"message_id\":\""
                    + userMessageId + "\",\"typing_indicator\":{\"type\":\"text\"}}");
            String botMessageId = postAuthorized(MESSAGES, TOKEN, "{\"messaging_product\":\"whatsapp\",\"to\":\"" + userId
                    + "\",\"type\":\"text\",\"text\":{\"body\":\"Hi, human\"}}").body().at("/messages/0/id").asText();

            await().atMost(Duration.ofSeconds(5)).until(() -> events(lines, "status").stream()
                    .anyMatch(status -> status.path("status").asText().equals("read")));
            JsonNode read = events(lines, "read").get(0);
            assertThat(read.path("messageId").asText()).isEqualTo(userMessageId);
            assertThat(read.path("typing").asBoolean()).isTrue();
            JsonNode message = events(lines, "message").get(0);
            assertThat(message.path("id").asText()).isEqualTo(botMessageId);
            assertThat(message.at("/body/text/body").asText()).isEqualTo("Hi, human");
            assertThat(message.path("acceptedAt").asText()).isNotBlank();
            assertThat(events(lines, "status")).extracting(status -> status.path("status").asText())
                    .containsExactly("sent", "delivered", "read");

            JsonNode history = get("/chat/api/messages?userId=" + userId).body().path("messages");
            assertThat(history.findValuesAsText("from")).containsExactly("user", "bot");
            assertThat(history.at("/0/message/readAt").isTextual()).isTrue();
            assertThat(history.at("/1/message/status").asText()).isEqualTo("read");
        } finally {
            stream.cancel(true);
        }
    }

    /** The JSON data of every SSE event named {@code name}, in arrival order. */
    private static List<JsonNode> events(List<String> lines, String name) {
        List<JsonNode> events = new java.util.ArrayList<>();
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (lines.get(i).equals("event:" + name) && lines.get(i + 1).startsWith("data:")) {
                events.add(readTree(lines.get(i + 1).substring("data:".length())));
            }
        }
        return events;
    }

    private static JsonNode readTree(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
