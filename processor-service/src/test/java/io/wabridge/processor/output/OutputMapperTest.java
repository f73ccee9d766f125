package io.wabridge.processor.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wabridge.model.Json;
import io.wabridge.processor.Golden;
import io.wabridge.support.settings.TestSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutputMapperTest {

    private final OutputMapper mapper = new OutputMapper(TestSettings.bind(OutputSettings.class));

    @Test
    void mapsEveryOutputTypeAsDocumented() {
        List<String> cases = Golden.list("output");
        assertThat(cases).hasSizeGreaterThanOrEqualTo(15);
        for (String name : cases) {
            JsonNode golden = Golden.read(name);
            JsonNode actual = Json.mapper().valueToTree(mapper.map(golden.path("cognigy"), new Adjustments()));
            if (Golden.updating()) {
                ((ObjectNode) golden).set("whatsapp", actual);
                Golden.write(name, golden);
                continue;
            }
            assertThat(actual).as(name).isEqualTo(golden.path("whatsapp"));
        }
    }

    @Test
    void splitsLongTextAtWordBoundariesWithinTheLimit() {
        String text = "word ".repeat(2000).trim();
        List<ObjectNode> messages = mapper.map(output(text), new Adjustments());
        assertThat(messages).hasSize(3);
        StringBuilder joined = new StringBuilder();
        for (ObjectNode message : messages) {
            String body = message.path("text").path("body").asText();
            assertThat(body.length()).isLessThanOrEqualTo(4096);
            assertThat(body).startsWith("word").endsWith("word");
            joined.append(joined.length() == 0 ? "" : " ").append(body);
        }
        assertThat(joined.toString()).isEqualTo(text);
    }

    @Test
    void keepsPayloadsAsReplyIdsAndClipsTitles() {
        JsonNode output = Golden.read("output/quick-replies.json").path("cognigy");
        Adjustments adjustments = new Adjustments();
        JsonNode buttons = mapper.map(output, adjustments).get(0).path("interactive").path("action").path("buttons");
        assertThat(buttons).hasSize(3);
        assertThat(buttons.get(0).path("reply").path("id").asText()).isEqualTo("COLOR_RED");
        assertThat(buttons.get(1).path("reply").path("title").asText()).as("cut after a whole word").isEqualTo("A very long blue…");
        assertThat(buttons.get(2).path("reply").path("id").asText()).as("no payload: the title").isEqualTo("Green");
        assertThat(adjustments.reasons()).containsExactly("button-title-clipped");
    }

    @Test
    void moreThanTenChoicesAreClippedToTenRowsWithAWarning() {
        JsonNode output = Golden.read("output/quick-replies-list.json").path("cognigy");
        Adjustments adjustments = new Adjustments();
        JsonNode interactive = mapper.map(output, adjustments).get(0).path("interactive");
        assertThat(interactive.path("type").asText()).isEqualTo("list");
        assertThat(interactive.path("action").path("sections").get(0).path("rows")).hasSize(10);
        assertThat(adjustments.reasons()).contains("list-rows-dropped");
    }

    @Test
    void duplicateButtonIdsAreDroppedBecauseWhatsAppRejectsThem() {
        ObjectNode output = Json.mapper().createObjectNode();
        ObjectNode replies = output.putObject("data").putObject("_cognigy").putObject("_default").putObject("_quickReplies");
        replies.put("text", "Sure?");
        replies.putArray("quickReplies").add(choice("Yes", "Y")).add(choice("Yes!", "Y"));
        Adjustments adjustments = new Adjustments();
        JsonNode buttons = mapper.map(output, adjustments).get(0).path("interactive").path("action").path("buttons");
        assertThat(buttons).hasSize(1);
        assertThat(adjustments.reasons()).containsExactly("button-duplicate-dropped");
    }

    @Test
    void anOutputWithoutTextOrConvertibleDataYieldsNothingButAWarning() {
        Adjustments adjustments = new Adjustments();
        assertThat(mapper.map(Golden.read("output/data-only.json").path("cognigy"), adjustments)).isEmpty();
        assertThat(adjustments.reasons()).containsExactly("output-dropped");
    }

    private static ObjectNode output(String text) {
        return Json.mapper().createObjectNode().put("text", text);
    }

    private static ObjectNode choice(String title, String payload) {
        return Json.mapper().createObjectNode().put("title", title).put("payload", payload);
    }
}
