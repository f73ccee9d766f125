package io.wabridge.egress;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wabridge.model.Topics;
import io.wabridge.model.event.OutboundMessage;
import io.wabridge.model.privacy.Masking;
import io.wabridge.support.logging.DebugLogs;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * {@code data-protection.mask-logging} in egress, asserted on the captured console output with
 * egress's loggers at DEBUG: a permanent Graph error whose message names the recipient (WARN and
 * dead letter), a transient error (INFO, retried) and an accepted send (DEBUG). Endpoint
 * {@code fast} masks (the default), {@code open} does not.
 */
@ExtendWith(OutputCaptureExtension.class)
class MaskedLoggingIT extends EgressITSupport {


    @RegisterExtension
    final DebugLogs debugLogs = new DebugLogs("io.wabridge.egress");

    @Test
    void maskedLogsContainNeitherTheRecipientsNumberNorTheText(CapturedOutput output) {
        String user = newRecipient();
        String text = "my secret " + UUID.randomUUID();
        String key = drive("fast", "1004", user, text);

        assertThat(output.getAll())
                .contains("(key " + Masking.ON.key(key) + "): Graph error 131026 (HTTP 400): Recipient " + Masking.ON.id(user))
                .contains("to " + Masking.ON.key(key) + ": TRANSIENT")
                .contains("to " + Masking.ON.key(key) + " accepted as")
                .doesNotContain(user)
                .doesNotContain(text);
    }

    @Test
    void withMaskingOffTheSameLinesShowTheNumber(CapturedOutput output) {
        String user = newRecipient();
        String key = drive("open", "1009", user, "my secret " + UUID.randomUUID());

        assertThat(output.getAll())
                .contains("(key " + key + "): Graph error 131026 (HTTP 400): Recipient " + user)
                .contains("to " + key + ": TRANSIENT")
                .contains("to " + key + " accepted as");
    }

    /** A message Graph refuses for good, then one it fails once and accepts; returns the conversation key. */
    private static String drive(String endpointId, String phoneNumberId, String user, String text) {
        stub(post(urlPathMatching(MESSAGES_PATH)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.text.body", equalTo("refused " + text)))
                .willReturn(GraphErrorsIT.graphError(400, 131026, "Recipient " + user + " is not a WhatsApp user")));
        stub(post(urlPathMatching(MESSAGES_PATH)).atPriority(1).inScenario("masking-" + user).whenScenarioStateIs(STARTED)
                .withRequestBody(matchingJsonPath("$.text.body", equalTo("retried " + text)))
                .willReturn(aResponse().withStatus(500)).willSetStateTo("recovered"));
        String inbound = UUID.randomUUID().toString();
        OutboundMessage refused = message(inbound, endpointId, phoneNumberId, user, 0, "refused " + text);
        OutboundMessage retried = message(inbound, endpointId, phoneNumberId, user, 1, "retried " + text);

        publish(Topics.OUTBOUND, refused);
        publish(Topics.OUTBOUND, retried);

        await().atMost(Duration.ofSeconds(20)).until(() -> !GraphErrorsIT.deadLetters(refused).isEmpty()
                && GraphErrorsIT.accepted(retried).isPresent());
        return refused.conversationKey();
    }
}
