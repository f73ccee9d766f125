package io.wabridge.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wabridge.bench.fake.Stamp;
import java.nio.file.Files;
import java.nio.file.Path;
import org.graalvm.polyglot.Context;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bench's transformer script, run in GraalJS with the hooks called as the processor calls them:
 * a benchmark message keeps its stamp through handleInput, the echo bot and handleOutput, and ends
 * with the mark the harness counts.
 */
class BenchTransformerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void bothHooksTagABenchmarkMessageAndKeepItsStamp() throws Exception {
        String text = Stamp.text(42, 1_700_000_000_000_000L, "Benchmark  message,\tdoes it come in another color? ");
        try (Context js = Context.newBuilder("js").option("engine.WarnInterpreterOnly", "false").build()) {
            js.eval("js", "var hooks; function createWhatsAppTransformer(defined) { hooks = defined; }");
            js.eval("js", BenchTransformer.SCRIPT);
            JsonNode input = call(js, "handleInput", """
                    {"endpoint": {"id": "bench", "phoneNumberId": "100000000000001", "channel": "whatsapp"},
                     "request": {"body": {"from": "491510000001", "id": "wamid.1", "timestamp": "1700000000", "type": "text",
                                          "text": {"body": %s}}, "headers": {}},
                     "response": {},
                     "input": {"userId": "491510000001", "sessionId": "s-1", "text": %s, "data": {"contact": {"name": "A"}}}}
                    """.formatted(JSON.writeValueAsString(text), JSON.writeValueAsString(text)));
            assertThat(input.path("data").path("transformed").asBoolean()).isTrue();
            assertThat(input.path("data").path("contact").path("name").asText()).isEqualTo("A");
            assertThat(input.path("data").path("whatsappMessageId").asText()).isEqualTo("wamid.1");
            String toCognigy = input.path("text").asText();
            assertThat(toCognigy).doesNotContain("  ", "\t").endsWith(" " + BenchTransformer.INPUT_TAG);

            JsonNode output = call(js, "handleOutput", """
                    {"endpoint": {"id": "bench"}, "output": {"text": %s, "data": {}, "source": "bot"},
                     "processedOutput": {"type": "text", "text": {"body": %s}}, "userId": "491510000001", "sessionId": "s-1"}
                    """.formatted(JSON.writeValueAsString(toCognigy), JSON.writeValueAsString(toCognigy)));
            String reply = output.path("text").path("body").asText();
            assertThat(output.path("type").asText()).isEqualTo("text");
            assertThat(reply).endsWith(BenchTransformer.MARK);
            assertThat(Stamp.parse(reply)).isEqualTo(Stamp.parse(text));
        }
    }

    @Test
    void leavesOtherOutputsAsTheyAre() throws Exception {
        try (Context js = Context.newBuilder("js").option("engine.WarnInterpreterOnly", "false").build()) {
            js.eval("js", "var hooks; function createWhatsAppTransformer(defined) { hooks = defined; }");
            js.eval("js", BenchTransformer.SCRIPT);
            JsonNode output = call(js, "handleOutput", """
                    {"output": {"data": {}}, "processedOutput": {"type": "image", "image": {"link": "https://example.com/a.png"}}}
                    """);
            assertThat(output.path("image").path("link").asText()).isEqualTo("https://example.com/a.png");
        }
    }

    @Test
    void installWritesTheScriptAndPointsTheBenchEndpointAtIt(@TempDir Path dir) throws Exception {
        var settings = BenchTransformer.install(dir.resolve("js"));
        Path script = dir.resolve("js").resolve(BenchTransformer.FILE);
        assertThat(Files.readString(script)).isEqualTo(BenchTransformer.SCRIPT);
        assertThat(settings).containsExactly("--wabridge.endpoints.bench.transformers.script=" + script.toAbsolutePath(),
                "--wabridge.endpoints.bench.transformers.hooks=input,output");
    }

    /** Calls an async hook with {@code argument} and returns what its promise resolved to, as JSON. */
    private static JsonNode call(Context js, String hook, String argument) throws Exception {
        js.eval("js", "var result = 'unresolved'; hooks." + hook + "(" + argument + ").then(value => { result = JSON.stringify(value); });");
        return JSON.readTree(js.eval("js", "result").asString());
    }
}
