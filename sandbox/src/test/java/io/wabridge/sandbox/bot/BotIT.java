package io.wabridge.sandbox.bot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wabridge.sandbox.SandboxHarness;
import org.junit.jupiter.api.Test;

class BotIT extends SandboxHarness {

    private static final String ENDPOINT_URL = "/cognigy/any-url-token";

    private static String input(String userId, String text) {
        return "{\"userId\":\"" + userId + "\",\"sessionId\":\"s-1\",\"text\":\"" + text + "\",\"data\":{\"channel\":\"whatsapp\"}}";
    }

    @Test
    void answersInTheRestEndpointShapeWithOneStackEntryPerOutput() {
        String userId = "demo:" + newUserId();
        Response response = post(ENDPOINT_URL, input(userId, "multi"));

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.body();
        assertThat(body.path("userId").asText()).isEqualTo(userId);
        assertThat(body.path("sessionId").asText()).isEqualTo("s-1");
        assertThat(body.path("text").asText()).isEqualTo("1/3\n2/3\n3/3");
        assertThat(body.path("data").isObject()).isTrue();
        assertThat(body.path("outputStack")).hasSize(3);
        assertThat(body.path("outputStack").findValuesAsText("text")).containsExactly("1/3", "2/3", "3/3");
        assertThat(body.path("outputStack").findValuesAsText("source")).containsOnly("bot");
        assertThat(body.path("outputStack").findValuesAsText("traceId")).doesNotHaveDuplicates().allMatch(id -> !id.isBlank());
        assertThat(body.path("outputStack").get(0).path("data").isObject()).isTrue();
    }

    @Test
    void sendsRichOutputsInData() {
        JsonNode body = post(ENDPOINT_URL, input("u-" + newUserId(), "QUICK")).body();

        JsonNode output = body.path("outputStack").get(0);
        assertThat(output.path("text").isNull()).isTrue();
        assertThat(output.at("/data/_cognigy/_default/_quickReplies/quickReplies/0/payload").asText()).isEqualTo("COLOR_RED");
        assertThat(body.at("/data/_cognigy/_default/_quickReplies").isObject()).isTrue();
    }

    @Test
    void answersAClickedPayload() {
        JsonNode body = post(ENDPOINT_URL, input("u-" + newUserId(), "COLOR_BLUE")).body();

        assertThat(body.at("/outputStack/0/text").asText()).isEqualTo("You picked blue.");
    }

    @Test
    void rejectsInputWithoutUserIdSessionIdOrContent() {
        assertThat(post(ENDPOINT_URL, "{\"sessionId\":\"s\",\"text\":\"hi\"}").status()).isEqualTo(400);
        assertThat(post(ENDPOINT_URL, "{\"userId\":\"u\",\"text\":\"hi\"}").status()).isEqualTo(400);
        Response noContent = post(ENDPOINT_URL, "{\"userId\":\"u\",\"sessionId\":\"s\"}");
        assertThat(noContent.status()).isEqualTo(400);
        assertThat(noContent.body().path("error").asText()).contains("text or data");
        assertThat(post(ENDPOINT_URL, "").status()).isEqualTo(400);
        assertThat(post(ENDPOINT_URL, "{\"userId\":\"u\",\"sessionId\":\"s\",\"data\":{\"a\":1}}").status()).isEqualTo(200);
    }

    @Test
    void countsCallsPerUser() {
        String userId = "u-" + newUserId();
        post(ENDPOINT_URL, input(userId, "hi"));
        post(ENDPOINT_URL, input(userId, "hi"));
        Response third = post(ENDPOINT_URL, input(userId, "count"));

        assertThat(third.body().at("/outputStack/0/text").asText()).isEqualTo("This is call number 3 from you.");
        assertThat(get("/cognigy/calls/" + userId).body().path("calls").asInt()).isEqualTo(3);
        assertThat(get("/cognigy/calls").body().path(userId).asInt()).isEqualTo(3);
        assertThat(post(ENDPOINT_URL, "{\"sessionId\":\"s\",\"text\":\"hi\"}").status()).isEqualTo(400);
        assertThat(get("/cognigy/calls/" + userId).body().path("calls").asInt()).isEqualTo(3);
    }

    @Test
    void resetsTheCallCounts() {
        String userId = "u-" + newUserId();
        post(ENDPOINT_URL, input(userId, "hi"));
        assertThat(get("/cognigy/calls/" + userId).body().path("calls").asInt()).isEqualTo(1);

        assertThat(delete("/cognigy/calls")).isEqualTo(204);

        assertThat(get("/cognigy/calls/" + userId).body().path("calls").asInt()).isZero();
    }
}
