package io.wabridge.processor;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wabridge.model.EventIds;
import io.wabridge.model.Json;
import io.wabridge.model.event.InboundEvent;
import io.wabridge.model.event.OutboundKind;
import io.wabridge.model.event.OutboundMessage;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every documented Cognigy output, through Kafka, becomes the golden WhatsApp messages in order. */
class OutputMappingIT extends ProcessorITSupport {

    @Autowired
    MeterRegistry meters;

    @Test
    void eachOutputTypeBecomesTheDocumentedWhatsAppBody() {
        Map<String, InboundEvent> sent = new LinkedHashMap<>();
        for (String name : Golden.list("output")) {
            String user = newUser();
            // A trailing marker output, so that a case expecting no message still has something to wait for.
            ArrayNode stack = Json.mapper().createArrayNode().add(Golden.read(name).path("cognigy"));
            stack.addObject().put("text", "end of " + name);
            ObjectNode response = Json.mapper().createObjectNode().set("outputStack", stack);
            cognigy.stubFor(post(urlPathMatching("/cognigy/.*")).atPriority(1)
                    .withRequestBody(matchingJsonPath("$.userId", equalTo(user)))
                    .willReturn(okJson(response.toString())));
            InboundEvent event = TestEvents.text(TestEvents.PHONE_NUMBER_ID, user, "wamid.out-" + user, "show me", TestEvents.T0);
            send(event);
            sent.put(name, event);
        }

        sent.forEach((name, event) -> {
            JsonNode expected = Golden.read(name).path("whatsapp");
            await().atMost(Duration.ofSeconds(30)).until(() -> outbound(event.conversationKey()).size() >= expected.size() + 1);
            List<OutboundMessage> messages = outbound(event.conversationKey());
            assertThat(messages).as(name).hasSize(expected.size() + 1);
            for (int i = 0; i < messages.size(); i++) {
                OutboundMessage message = messages.get(i);
                assertThat(message.index()).isEqualTo(i);
                assertThat(message.outboundId()).isEqualTo(EventIds.outbound(event.eventId(), i));
                assertThat(message.kind()).isEqualTo(OutboundKind.MESSAGE);
                assertThat(message.recipient()).isEqualTo(event.userId());
                assertThat(message.replyTo()).isEqualTo(event.messageId());
                assertThat(message.endpointId()).isEqualTo(TestEvents.ENDPOINT);
                JsonNode want = i < expected.size() ? expected.get(i)
                        : Json.mapper().createObjectNode().put("type", "text").set("text",
                                Json.mapper().createObjectNode().put("body", "end of " + name));
                assertThat(message.message()).as(name + " #" + i).isEqualTo(want);
            }
        });
        assertThat(meters.counter("wabridge.processor.output.adjusted", "reason", "text-split").count())
                .as("clipping and conversion are counted").isPositive();
        assertThat(meters.counter("wabridge.processor.output.adjusted", "reason", "list-rows-dropped").count()).isPositive();
    }
}
