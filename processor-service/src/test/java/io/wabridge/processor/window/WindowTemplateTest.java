package io.wabridge.processor.window;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wabridge.model.Json;
import io.wabridge.model.settings.EndpointSettings;
import org.junit.jupiter.api.Test;

class WindowTemplateTest {

    private static final EndpointSettings.ServiceWindow.Template TEMPLATE = new EndpointSettings.ServiceWindow.Template("reopen", "de");

    @Test
    void theTextBecomesBodyParameterOne() throws Exception {
        ObjectNode text = (ObjectNode) Json.mapper().readTree("{\"type\":\"text\",\"text\":{\"body\":\"Your order\\n\\tshipped\"}}");

        ObjectNode template = WindowTemplate.replacing(text, TEMPLATE);

        assertThat(template).isEqualTo(Json.mapper().readTree("""
                {"type":"template","template":{"name":"reopen","language":{"code":"de"},
                 "components":[{"type":"body","parameters":[{"type":"text","text":"Your order shipped"}]}]}}"""));
    }

    @Test
    void aMessageWithoutTextGetsTheTemplateWithoutParameters() throws Exception {
        ObjectNode location = (ObjectNode) Json.mapper().readTree("{\"type\":\"location\",\"location\":{\"latitude\":1,\"longitude\":2}}");

        ObjectNode template = WindowTemplate.replacing(location, TEMPLATE);

        assertThat(template.path("template").has("components")).isFalse();
        assertThat(template.path("template").path("name").asText()).isEqualTo("reopen");
    }

    @Test
    void captionsAndInteractiveBodiesAreTheText() throws Exception {
        assertThat(WindowTemplate.textOf(Json.mapper().readTree("{\"type\":\"image\",\"image\":{\"link\":\"x\",\"caption\":\"look\"}}")))
                .isEqualTo("look");
        assertThat(WindowTemplate.textOf(Json.mapper().readTree(
                "{\"type\":\"interactive\",\"interactive\":{\"type\":\"button\",\"body\":{\"text\":\"pick\"}}}"))).isEqualTo("pick");
    }

    @Test
    void aLongTextIsClippedToTheParameterLimitAndRunsOfSpacesShortened() {
        String parameter = WindowTemplate.parameter("a       b " + "x".repeat(2000));

        assertThat(parameter).hasSize(WindowTemplate.MAX_PARAMETER).startsWith("a   b x").endsWith("…");
    }

    @Test
    void onlyTemplatesMayLeaveOutsideTheWindow() throws Exception {
        assertThat(WindowTemplate.isTemplate(Json.mapper().readTree("{\"type\":\"template\",\"template\":{}}"))).isTrue();
        assertThat(WindowTemplate.isTemplate(Json.mapper().readTree("{\"type\":\"text\",\"text\":{\"body\":\"x\"}}"))).isFalse();
    }
}
