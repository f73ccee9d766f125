package io.wabridge.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.wabridge.model.Json;
import io.wabridge.model.event.InboundEvent;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every WhatsApp message type, through Kafka, reaches Cognigy with the documented text and data. */
class InputMappingIT extends ProcessorITSupport {

    private static final String FIXTURE_USER = "16505551234";

    @Test
    void eachInboundTypeReachesCognigyWithTheDocumentedTextAndData() throws IOException {
        String user = newUser();
        List<InboundEvent> events = TestEvents.allMessageTypes(user);
        events.forEach(this::send);

        await().atMost(Duration.ofSeconds(30)).until(() -> cognigyCalls(user).size() >= events.size());
        List<LoggedRequest> calls = cognigyCalls(user);
        assertThat(calls).hasSize(events.size());

        String session = body(calls.get(0)).path("sessionId").asText();
        for (int i = 0; i < events.size(); i++) {
            JsonNode sent = body(calls.get(i));
            String wamid = events.get(i).messageId();
            assertThat(sent.path("data").path("message").path("id").asText()).as("in order").isEqualTo(wamid);
            assertThat(sent.path("userId").asText()).isEqualTo(user);
            assertThat(sent.path("sessionId").asText()).isEqualTo(session);

            ObjectNode textAndData = Json.mapper().createObjectNode();
            if (sent.has("text")) {
                textAndData.set("text", sent.path("text"));
            }
            ObjectNode data = sent.path("data").deepCopy();
            // Who the user is comes from the conversation's state, not the mapping the goldens pin down.
            JsonNode identity = data.remove("identity");
            assertThat(identity.path("userId").asText()).isEqualTo(user);
            // The sample's system message says the number changed; the later samples still come from the old one.
            assertThat(identity.path("phoneNumber").asText()).isEqualTo(wamid.equals("wamid.system") ? "16505559999" : user);
            assertThat(identity.path("businessScopedUserId").asText()).isEqualTo("US.13491208655302741918");
            textAndData.set("data", data);
            String golden = Golden.read("input/" + wamid.substring("wamid.".length()) + ".json").toString()
                    .replace(FIXTURE_USER, user);
            assertThat(textAndData).as(wamid).isEqualTo(Json.mapper().readTree(golden));
        }
    }
}
