package io.wabridge.sandbox.bot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wabridge.model.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoBotTest {

    private static JsonNode only(String text, String path) {
        List<BotOutput> outputs = DemoBot.reply(text, null, 1);
        assertThat(outputs).hasSize(1);
        return outputs.get(0).data().at(path);
    }

    @Test
    void quickRepliesArePostbacksWithTitleAndPayload() {
        JsonNode quick = only("Quick", "/_cognigy/_default/_quickReplies");
        assertThat(quick.path("text").asText()).isNotBlank();
        assertThat(quick.path("quickReplies")).hasSize(3);
        assertThat(quick.path("quickReplies").get(0).path("title").asText()).isEqualTo("Red");
        assertThat(quick.path("quickReplies").get(0).path("payload").asText()).isEqualTo("COLOR_RED");
        assertThat(quick.path("quickReplies").findValuesAsText("contentType")).containsOnly("postback");
    }

    @Test
    void buttonsMixPostbackAndWebUrl() {
        JsonNode buttons = only("BUTTONS", "/_cognigy/_default/_buttons");
        assertThat(buttons.path("text").asText()).isNotBlank();
        assertThat(buttons.path("buttons").findValuesAsText("type")).containsExactly("postback", "postback", "web_url");
        assertThat(buttons.path("buttons").get(0).path("payload").asText()).isEqualTo("COLOR_RED");
        assertThat(buttons.path("buttons").get(2).path("url").asText()).startsWith("https://");
    }

    @Test
    void galleryItemsEachHaveImageAndButtons() {
        JsonNode items = only("gallery", "/_cognigy/_default/_gallery/items");
        assertThat(items.size()).isBetween(2, 3);
        for (JsonNode item : items) {
            assertThat(item.path("title").asText()).isNotBlank();
            assertThat(item.path("subtitle").asText()).isNotBlank();
            assertThat(item.path("imageUrl").asText()).startsWith("https://");
            assertThat(item.path("buttons").get(0).path("payload").asText()).startsWith("COLOR_");
        }
    }

    @Test
    void listHasItemsWithPayloadsAndAButton() {
        JsonNode list = only("list", "/_cognigy/_default/_list");
        assertThat(list.path("items")).hasSize(3);
        assertThat(list.path("items").get(1).path("buttons").get(0).path("payload").asText()).isEqualTo("PLAN_PRO");
        assertThat(list.path("button").path("type").asText()).isEqualTo("postback");
    }

    @Test
    void imageHasAnUrl() {
        assertThat(only("image", "/_cognigy/_default/_image/imageUrl").asText()).startsWith("https://");
    }

    @Test
    void multiIsThreeTextOutputsInOrder() {
        assertThat(DemoBot.reply("multi", null, 1)).extracting(BotOutput::text).containsExactly("1/3", "2/3", "3/3");
    }

    @Test
    void whatsAppKeywordsProduceNativeMessageObjects() {
        JsonNode buttons = only("whatsapp", "/_cognigy/_whatsapp");
        assertThat(buttons.path("type").asText()).isEqualTo("interactive");
        assertThat(buttons.at("/interactive/action/buttons/0/reply/id").asText()).isEqualTo("COLOR_RED");
        assertThat(buttons.has("to")).isFalse();
        JsonNode location = only("location", "/_cognigy/_whatsapp");
        assertThat(location.at("/location/latitude").isNumber()).isTrue();
    }

    @Test
    void clickedPayloadsAreAnswered() {
        assertThat(DemoBot.reply("COLOR_RED", null, 1)).extracting(BotOutput::text).containsExactly("You picked red.");
        assertThat(DemoBot.reply("SOMETHING_ELSE", null, 1)).extracting(BotOutput::text).containsExactly("You picked SOMETHING_ELSE.");
    }

    @Test
    void unknownTextIsEchoedWithHelp() {
        String reply = DemoBot.reply("hello there", null, 1).get(0).text();
        assertThat(reply).startsWith("You said: hello there").contains(DemoBot.HELP);
        assertThat(DemoBot.reply("help", null, 1).get(0).text()).isEqualTo(DemoBot.HELP);
    }

    @Test
    void countTellsTheCallNumberAndDataOnlyInputIsAcknowledged() {
        assertThat(DemoBot.reply("count", null, 7).get(0).text()).isEqualTo("This is call number 7 from you.");
        assertThat(DemoBot.reply(null, Json.mapper().createObjectNode().put("location", "x"), 1).get(0).text())
                .contains("location");
    }

    @Test
    void helpDocumentsEveryKeyword() {
        for (String keyword : List.of("quick", "buttons", "gallery", "list", "image", "multi", "whatsapp", "location", "count")) {
            assertThat(DemoBot.HELP).contains(keyword + " –");
        }
    }

    @Test
    void whoamiNamesTheUserAndSessionTheFlowSees() {
        assertThat(DemoBot.whoami("US.1234", "s-1").text()).isEqualTo("You are US.1234 in session s-1.");
        assertThat(DemoBot.HELP).contains("whoami");
    }

    @Test
    void agentAsksForAHumanWithTheHandoverStartMarker() {
        List<BotOutput> outputs = DemoBot.reply(" Agent ", null, 1);
        assertThat(outputs).hasSize(1);
        assertThat(outputs.get(0).text()).isEqualTo(DemoBot.CONNECTING);
        assertThat(outputs.get(0).data().at("/handover/action").asText()).isEqualTo("start");
    }

    @Test
    void theHandoversEndInputIsAnsweredAsTheBotTakingOverAgain() {
        JsonNode end = Json.mapper().createObjectNode().set("handover",
                Json.mapper().createObjectNode().put("status", "completed").put("source", "agent"));
        assertThat(DemoBot.reply(null, end, 3)).extracting(BotOutput::text).containsExactly(DemoBot.BACK);
        assertThat(DemoBot.reply(null, Json.mapper().createObjectNode().put("other", 1), 3))
                .extracting(BotOutput::text).containsExactly("I got data without text (fields: other).");
    }
}
