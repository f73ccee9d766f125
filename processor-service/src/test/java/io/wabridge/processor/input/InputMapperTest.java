package io.wabridge.processor.input;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wabridge.model.Json;
import io.wabridge.model.event.InboundEvent;
import io.wabridge.processor.Golden;
import io.wabridge.processor.TestEvents;
import org.junit.jupiter.api.Test;

class InputMapperTest {

    private final InputMapper mapper = new InputMapper();

    /** The documented Cognigy input of a sample message: {@code golden/input/<wamid suffix>.json}. */
    public static JsonNode expected(String suffix) {
        return Golden.read("input/" + suffix + ".json");
    }

    /** {@code {text, data}} as the flow receives it (text omitted when null). */
    public static JsonNode asSent(String text, JsonNode data) {
        ObjectNode node = Json.mapper().createObjectNode();
        if (text != null) {
            node.put("text", text);
        }
        node.set("data", data);
        return Json.mapper().valueToTree(node);
    }

    @Test
    void mapsEveryMessageTypeAsDocumented() {
        for (InboundEvent event : TestEvents.allMessageTypes("16505551234")) {
            CognigyInput input = mapper.map(event);
            JsonNode actual = reparse(asSent(input.text(), input.data()));
            String suffix = event.messageId().substring("wamid.".length());
            if (Golden.updating()) {
                Golden.write("input/" + suffix + ".json", actual);
                continue;
            }
            assertThat(actual).as(suffix).isEqualTo(expected(suffix));
        }
    }

    @Test
    void buttonAndListRepliesSendTheirIdAsTextAndTheTitleInData() {
        CognigyInput button = mapper.map(TestEvents.sample("1", "button_reply"));
        assertThat(button.text()).isEqualTo("PAYLOAD_YES");
        assertThat(button.data().path("reply").path("title").asText()).isEqualTo("Yes");

        CognigyInput list = mapper.map(TestEvents.sample("1", "list_reply"));
        assertThat(list.text()).isEqualTo("ROW_2");
        assertThat(list.data().path("reply").path("title").asText()).isEqualTo("Express");
    }

    @Test
    void templateButtonSendsItsPayload() {
        assertThat(mapper.map(TestEvents.sample("1", "button")).text()).isEqualTo("STOP");
    }

    @Test
    void dataAlwaysCarriesTheOriginalMessageContactNameAndEndpoint() {
        for (InboundEvent event : TestEvents.allMessageTypes("1")) {
            ObjectNode data = mapper.map(event).data();
            assertThat(data.path("message")).as(event.messageId()).isEqualTo(event.message());
            assertThat(data.path("contactName").asText()).isEqualTo("Sheena Nelson");
            assertThat(data.path("endpoint").path("id").asText()).isEqualTo("demo");
            assertThat(data.path("metadata").path("phone_number_id").asText()).isEqualTo(TestEvents.PHONE_NUMBER_ID);
        }
    }

    @Test
    void clipsTextToCognigysLimit() {
        InboundEvent event = TestEvents.text("1", "2", "wamid.long", "x".repeat(InputMapper.MAX_TEXT + 5), TestEvents.T0);
        assertThat(mapper.map(event).text()).hasSize(InputMapper.MAX_TEXT);
    }

    private static JsonNode reparse(JsonNode node) {
        try {
            return Json.mapper().readTree(Json.toBytes(node));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
