package io.wabridge.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.wabridge.model.Topics;
import io.wabridge.model.event.DeliveryStatus;
import io.wabridge.model.event.HandoverEvent;
import io.wabridge.model.event.HandoverEventType;
import io.wabridge.model.event.StatusEvent;
import io.wabridge.model.event.StatusSource;
import io.wabridge.support.kafka.EventCodec;
import io.wabridge.support.kafka.TopicProbe;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The three services as separate Spring contexts on one real broker, with the sandbox as the
 * outside world, driven exactly as a user would: a signed webhook in (through the chat backend),
 * WhatsApp sends out, status webhooks back.
 */
class PipelineEndToEndIT {

    private static final Duration MESSAGE_DELAY = Duration.ofMillis(300);
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** How long a person answering from the WhatsApp Business app pauses the demo bot here. */
    private static final Duration HUMAN_PAUSE = Duration.ofSeconds(3);
    /** The runner's default key: set twice on the command line, Spring would join both values. */
    private static final String API_KEY = LocalDefaults.API_KEY;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dataDir;

    private static LocalPipeline pipeline;
    private static SandboxClient sandbox;
    private static int ingressPort;
    private static ResponderWebhooks whatsApp;

    @BeforeAll
    static void startPipeline() throws Exception {
        LocalSettings local = new LocalSettings(dataDir, freePort(), freePort(), freePort(), freePort(), freePort(), freePort(), null);
        pipeline = LocalPipeline.start(local, Map.of(), List.of(
                "--wabridge.endpoints.demo.message-delay=" + MESSAGE_DELAY.toMillis() + "ms",
                "--wabridge.endpoints.demo.human-replies.pause=" + HUMAN_PAUSE.toMillis() + "ms"));
        sandbox = new SandboxClient(local.sandboxPort());
        ingressPort = local.ingressPort();
        whatsApp = new ResponderWebhooks(ingressPort);
    }

    @AfterAll
    static void stopPipeline() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void aTurnsRepliesReachWhatsAppInOrderPacedByTheMessageDelay() {
        String user = "4915550000001";

        assertThat(sandbox.say(user, "multi").get("ingressStatus").asInt()).isEqualTo(200);

        List<JsonNode> sent = await().atMost(WAIT).until(() -> sandbox.outbox(user), messages -> messages.size() >= 3);
        assertThat(sent).extracting(message -> message.at("/body/text/body").asText()).containsExactly("1/3", "2/3", "3/3");
        for (int i = 1; i < sent.size(); i++) {
            Duration gap = Duration.between(acceptedAt(sent.get(i - 1)), acceptedAt(sent.get(i)));
            assertThat(gap).as("gap before reply %d", i + 1).isGreaterThanOrEqualTo(MESSAGE_DELAY);
        }
    }

    @Test
    void aUsernameUserWithoutAPhoneNumberGetsRepliesAddressedToTheBusinessScopedId() {
        String user = "US.13491208655302741918";

        assertThat(sandbox.say(user, "hello").get("ingressStatus").asInt()).isEqualTo(200);

        JsonNode reply = await().atMost(WAIT).until(() -> sandbox.outbox(user), messages -> !messages.isEmpty()).get(0);
        assertThat(reply.at("/body/recipient").asText()).isEqualTo(user);
        assertThat(reply.at("/body").has("to")).as("Graph does not deliver to a BSUID in to").isFalse();
    }

    /**
     * One person, one conversation: webhooks with and without the phone number (the business-scoped
     * id is in all of them) reach one session in order, replies go to the phone number while it is
     * known, and a number change (a new business-scoped id too) keeps the session and the user id the flow sees.
     */
    @Test
    void onePersonIsOneConversationWhateverIdsTheirWebhooksCarryAndANumberChangeKeepsIt() {
        String user = "US.77001234567890";
        String phone = "4915550000077";
        assertThat(sandbox.say(user, phone, "whoami").get("ingressStatus").asInt()).isEqualTo(200);
        String first = await().atMost(WAIT).until(() -> sandbox.outboxTexts(phone), texts -> !texts.isEmpty()).get(0);
        assertThat(first).startsWith("You are " + user + " in session ");

        sandbox.say(user, null, "whoami");
        sandbox.say(user, phone, "count");

        List<JsonNode> sent = await().atMost(WAIT).until(() -> sandbox.outbox(phone), messages -> messages.size() >= 3);
        assertThat(sent).extracting(message -> message.at("/body/text/body").asText())
                .containsExactly(first, first, "This is call number 3 from you.");
        assertThat(sent).extracting(message -> message.at("/body/to").asText()).as("Meta's advice: the phone number while known")
                .containsOnly(phone);

        String newUser = "US.77009876543210";
        String newPhone = "4915550000078";
        assertThat(sandbox.changeNumber(user, newUser, newPhone).get("ingressStatus").asInt()).isEqualTo(200);
        sandbox.say(newUser, newPhone, "whoami");

        List<String> afterChange = await().atMost(WAIT).until(() -> sandbox.outboxTexts(newPhone),
                texts -> texts.stream().anyMatch(text -> text.startsWith("You are")));
        assertThat(afterChange.get(afterChange.size() - 1)).as("same person, same session").isEqualTo(first);
        assertThat(sandbox.outbox(phone)).as("nothing more to the old number").hasSize(3);
    }

    @Test
    void aButtonClickRoundTripsThroughTheFlow() {
        String user = "4915550000002";
        sandbox.say(user, "quick");
        JsonNode buttons = await().atMost(WAIT).until(() -> sandbox.outbox(user), messages -> !messages.isEmpty()).get(0);
        assertThat(buttons.at("/body/type").asText()).isEqualTo("interactive");
        JsonNode firstButton = buttons.at("/body/interactive/action/buttons/0/reply");
        assertThat(firstButton.get("id").asText()).as("the flow's payload is the reply id").startsWith("COLOR_");

        assertThat(sandbox.click(user, firstButton.get("id").asText(), firstButton.get("title").asText(), buttons.get("id").asText())
                .get("ingressStatus").asInt()).isEqualTo(200);

        List<JsonNode> sent = await().atMost(WAIT).until(() -> sandbox.outbox(user), messages -> messages.size() >= 2);
        assertThat(sent.get(1).at("/body/text/body").asText()).startsWith("You picked");
    }

    /** The kafka provider end to end: the desk reads whatsapp.handover and answers through ingress's handover API. */
    @Test
    void aHandoverGivesTheUsersMessagesToTheDeskAndTheAgentsRepliesReachWhatsAppInOrderAndPaced() throws Exception {
        String user = "4915550000014"; // not the chat page test's user: this test counts the user's messages
        String key = LocalDefaults.PHONE_NUMBER_ID + ":" + user;
        EventCodec codec = new EventCodec();
        try (TopicProbe desk = TopicProbe.atEnd(pipeline.bootstrapServers(), Topics.HANDOVER)) {
            sandbox.say(user, "hello");
            await().atMost(WAIT).until(() -> sandbox.outbox(user), messages -> messages.size() == 1);
            assertThat(handover("start", "{\"userId\":\"" + user + "\"}")).isEqualTo(202);
            desk.await(2, record -> key.equals(record.key()), WAIT);

            sandbox.say(user, "I need a human");
            List<HandoverEvent> messages = desk.await(1, record -> key.equals(record.key())
                    && codec.read(record, HandoverEvent.class).type() == HandoverEventType.USER_MESSAGE, WAIT).stream()
                    .map(record -> codec.read(record, HandoverEvent.class)).toList();
            assertThat(messages.get(0).text()).isEqualTo("I need a human");

            assertThat(handover("reply", "{\"userId\":\"" + user + "\",\"text\":\"Hi, Ana here\"}")).isEqualTo(202);
            assertThat(handover("reply", "{\"userId\":\"" + user + "\",\"text\":\"How can I help?\"}")).isEqualTo(202);
            assertThat(handover("end", "{\"userId\":\"" + user + "\"}")).isEqualTo(202);

            List<JsonNode> sent = await().atMost(WAIT).until(() -> sandbox.outbox(user), all -> all.size() >= 6);
            assertThat(sent).extracting(message -> message.at("/body/text/body").asText()).containsExactly(
                    sent.get(0).at("/body/text/body").asText(), "An agent has joined the conversation.", "Hi, Ana here",
                    "How can I help?", "The agent has left the conversation.", "The agent has left; I am back.");
            for (int i = 2; i < sent.size(); i++) {
                assertThat(Duration.between(acceptedAt(sent.get(i - 1)), acceptedAt(sent.get(i))))
                        .as("gap before message %d", i + 1).isGreaterThanOrEqualTo(MESSAGE_DELAY);
            }
        }
    }

    private int handover(String action, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + ingressPort + "/api/v1/endpoints/"
                        + LocalDefaults.ENDPOINT + "/handover/" + action))
                .header("Content-Type", "application/json").header("X-API-Key", API_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    void statusWebhooksFlowBackCorrelatedToTheOutboundMessage() {
        String user = "4915550000003";
        EventCodec codec = new EventCodec();
        try (TopicProbe statuses = TopicProbe.atEnd(pipeline.bootstrapServers(), Topics.STATUSES)) {
            sandbox.say(user, "hello");
            JsonNode reply = await().atMost(WAIT).until(() -> sandbox.outbox(user), messages -> !messages.isEmpty()).get(0);
            String wamid = reply.get("id").asText();

            List<StatusEvent> events = statuses.await(1, record -> {
                StatusEvent event = codec.read(record, StatusEvent.class);
                return event.source() == StatusSource.WEBHOOK && wamid.equals(event.messageId())
                        && event.status() == DeliveryStatus.DELIVERED;
            }, WAIT).stream().map(record -> codec.read(record, StatusEvent.class)).toList();

            assertThat(events).isNotEmpty();
            StatusEvent delivered = events.get(0);
            assertThat(delivered.conversationKey()).isEqualTo(LocalDefaults.PHONE_NUMBER_ID + ":" + user);
            assertThat(delivered.callbackData()).as("egress sent the outbound id as callback data").isNotBlank();
        }
    }

    @Test
    void theChatPageShowsTheBotsRepliesInOrderAndAClickRoundTrips(@TempDir Path browserProfile) throws Exception {
        assumeTrue(ChatPageBrowser.installed(), "needs Debian's chromium and chromium-driver (installed by .ci/run)");
        ChromeDriver browser = ChatPageBrowser.start(browserProfile);
        try {
            WebDriverWait wait = new WebDriverWait(browser, WAIT);
            browser.get("http://localhost:" + sandbox.port() + "/");
            WebElement userId = wait.until(ExpectedConditions.elementToBeClickable(By.id("userId")));
            userId.clear();
            userId.sendKeys("4915550000004");
            browser.findElement(By.cssSelector("#who button[type=submit]")).click();

            browser.findElement(By.id("text")).sendKeys("multi", Keys.ENTER);
            wait.until(driver -> driver.findElements(By.cssSelector(".bubble.bot")).size() >= 3);
            assertThat(browser.findElements(By.cssSelector(".bubble.bot")))
                    .extracting(WebElement::getText)
                    .satisfiesExactly(
                            first -> assertThat(first).contains("1/3"),
                            second -> assertThat(second).contains("2/3"),
                            third -> assertThat(third).contains("3/3"));

            browser.findElement(By.id("text")).sendKeys("quick", Keys.ENTER);
            WebElement button = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".bubble.bot .actions button")));
            String picked = button.getText();
            button.click();
            wait.until(driver -> driver.findElements(By.cssSelector(".bubble.bot")).stream()
                    .anyMatch(bubble -> bubble.getText().contains("You picked " + picked.toLowerCase(Locale.ROOT))));

            Path screenshot = Path.of("target", "chat-page.png");
            Files.createDirectories(screenshot.getParent());
            Files.write(screenshot, browser.getScreenshotAs(OutputType.BYTES));
        } finally {
            browser.quit();
        }
    }

    /**
     * Issue #15's sandbox: the user asks for a human on the chat page, the agent panel (a desk of the
     * kafka provider, reading whatsapp.handover) shows the handover and the user's next message, the
     * agent's reply reaches the chat page through egress, and after the agent ends it the bot answers again.
     */
    @Test
    void theAgentPanelTakesAHandoverAnswersTheUserAndGivesTheConversationBackToTheBot(@TempDir Path chatProfile,
            @TempDir Path agentProfile) throws Exception {
        assumeTrue(ChatPageBrowser.installed(), "needs Debian's chromium and chromium-driver (installed by .ci/run)");
        ChromeDriver phone = ChatPageBrowser.start(chatProfile);
        ChromeDriver desk = null;
        try {
            WebDriverWait phoneWait = new WebDriverWait(phone, WAIT);
            phone.get("http://localhost:" + sandbox.port() + "/");
            WebElement userId = phoneWait.until(ExpectedConditions.elementToBeClickable(By.id("userId")));
            userId.clear();
            userId.sendKeys("4915550000015");
            phone.findElement(By.cssSelector("#who button[type=submit]")).click();

            phone.findElement(By.id("text")).sendKeys("agent", Keys.ENTER);
            phoneWait.until(driver -> botSaid(driver, "Let me connect you with a colleague"));

            desk = ChatPageBrowser.start(agentProfile);
            WebDriverWait deskWait = new WebDriverWait(desk, WAIT);
            desk.get("http://localhost:" + sandbox.port() + "/agent.html");
            By handover = By.cssSelector(".handover");
            WebElement card = deskWait.until(ExpectedConditions.visibilityOfElementLocated(handover));
            assertThat(card.findElement(By.cssSelector(".who")).getText()).contains("4915550000015");

            phone.findElement(By.id("text")).sendKeys("my invoice is wrong", Keys.ENTER);
            deskWait.until(driver -> driver.findElements(By.cssSelector(".handover .entry.user")).stream()
                    .anyMatch(entry -> entry.getText().contains("my invoice is wrong")));

            desk.findElement(By.cssSelector(".handover .reply-text")).sendKeys("Hi, I am Ada from billing.", Keys.ENTER);
            phoneWait.until(driver -> botSaid(driver, "Hi, I am Ada from billing."));
            deskWait.until(driver -> driver.findElements(By.cssSelector(".handover .entry.agent")).stream()
                    .anyMatch(entry -> entry.getText().contains("Hi, I am Ada from billing.")));
            assertThat(phone.findElements(By.cssSelector(".bubble.bot")).stream().map(WebElement::getText))
                    .as("the user's message during the handover went to the agent, not to the bot")
                    .noneMatch(text -> text.contains("You said: my invoice is wrong"));

            Path screenshot = Path.of("target", "agent-panel.png");
            Files.createDirectories(screenshot.getParent());
            Files.write(screenshot, desk.getScreenshotAs(OutputType.BYTES));

            desk.findElement(By.cssSelector(".handover button.end")).click();
            deskWait.until(ExpectedConditions.invisibilityOfElementLocated(handover));
            phoneWait.until(driver -> botSaid(driver, "The agent has left; I am back."));

            phone.findElement(By.id("text")).sendKeys("count", Keys.ENTER);
            phoneWait.until(driver -> botSaid(driver, "This is call number"));
        } finally {
            phone.quit();
            if (desk != null) {
                desk.quit();
            }
        }
    }

    private static boolean botSaid(org.openqa.selenium.WebDriver driver, String text) {
        return driver.findElements(By.cssSelector(".bubble.bot")).stream().anyMatch(bubble -> bubble.getText().contains(text));
    }

    @Test
    void theWebhooksTraceReachesTheGraphRequest() throws Exception {
        String user = "4915550000009";
        String traceId = "5e2f1c0d9b8a47f6a3c2b1d0e9f8a7b6";
        byte[] body = ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"WABA\",\"changes\":[{\"field\":\"messages\","
                + "\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"15550000000\","
                + "\"phone_number_id\":\"" + LocalDefaults.PHONE_NUMBER_ID + "\"},\"contacts\":[{\"profile\":{\"name\":\"E2E\"},"
                + "\"wa_id\":\"" + user + "\"}],\"messages\":[{\"from\":\"" + user + "\",\"id\":\"wamid.trace-" + System.nanoTime()
                + "\",\"timestamp\":\"" + Instant.now().getEpochSecond() + "\",\"type\":\"text\",\"text\":{\"body\":\"hello\"}}]}}]}]}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + ingressPort + "/webhooks/whatsapp/demo"))
                        .header("Content-Type", "application/json")
                        .header("X-Hub-Signature-256", io.wabridge.ingress.signature.SignatureVerifier.sign(LocalDefaults.APP_SECRET, body))
                        .header("traceparent", "00-" + traceId + "-1a2b3c4d5e6f7a8b-01")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);

        List<JsonNode> sent = await().atMost(WAIT).until(() -> sandbox.outbox(user), messages -> !messages.isEmpty());
        assertThat(sent.get(0).path("traceparent").asText())
                .as("one trace from the webhook through ingress, processor and egress to the Graph request")
                .matches("00-" + traceId + "-[0-9a-f]{16}-01");
    }

    @Test
    void aPersonAnsweringFromTheBusinessAppPausesTheBotUntilThePauseEnds() {
        String user = "4915550000011";
        sandbox.say(user, "hello");
        await().atMost(WAIT).until(() -> sandbox.outbox(user), messages -> messages.size() == 1);

        assertThat(whatsApp.echo(user, "Hi, Anna from the shop here")).isEqualTo(200);
        Instant echoAccepted = Instant.now();
        assertThat(sandbox.say(user, "oh, a human!").get("ingressStatus").asInt()).isEqualTo(200);
        await().atMost(WAIT).until(() -> Instant.now().isAfter(echoAccepted.plus(HUMAN_PAUSE).plusMillis(200)));
        sandbox.say(user, "later");

        List<String> sent = await().atMost(WAIT).until(() -> sandbox.outboxTexts(user), texts -> texts.size() >= 2);
        assertThat(sent).as("nothing answered the message during the pause").hasSize(2);
        assertThat(sent.get(1)).startsWith("You said: later");
    }

    @Test
    void aStandbyDeliveryProducesNoSendAndTheUsersNextRegularMessageIsAnswered() {
        String user = "4915550000012";

        assertThat(whatsApp.standby(user, "this went to the app that owns the thread")).isEqualTo(200);
        sandbox.say(user, "hello again");

        List<String> sent = await().atMost(WAIT).until(() -> sandbox.outboxTexts(user), texts -> !texts.isEmpty());
        assertThat(sent).singleElement().satisfies(text -> assertThat(text).startsWith("You said: hello again"));
    }

    private static Instant acceptedAt(JsonNode message) {
        return Instant.parse(message.get("acceptedAt").asText());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
