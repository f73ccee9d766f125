package io.wabridge.processor.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wabridge.model.Json;
import io.wabridge.model.privacy.Masking;
import io.wabridge.model.settings.TransformerSettings;
import io.wabridge.model.settings.TransformerSettings.Hook;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The GraalJS sandbox: what a script can and cannot reach, and how its calls end. */
class ScriptRunnerTest {

    @TempDir
    Path dir;

    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor();
    private ScriptRunner runner;

    @AfterEach
    void close() {
        if (runner != null) {
            runner.close();
        }
        watchdog.shutdownNow();
    }

    @Test
    void aHookReturnsItsValueAndAwaitWorks() {
        load("async function handleInput({ input }) { const t = await Promise.resolve(input.text); return { text: t.toUpperCase() }; }");

        HookResult result = run(Hook.INPUT, "{\"input\":{\"text\":\"hi\"}}");

        assertThat(result.kind()).isEqualTo(HookResult.Kind.VALUE);
        assertThat(result.value().path("text").asText()).isEqualTo("HI");
    }

    @Test
    void cognigysWrapperRegistersTheHooks() {
        load("createWhatsAppTransformer({ handleOutput: async ({ processedOutput }) => null });");

        assertThat(runner.defines(Hook.OUTPUT)).isTrue();
        assertThat(runner.defines(Hook.INPUT)).isFalse();
        assertThat(run(Hook.OUTPUT, "{}").kind()).isEqualTo(HookResult.Kind.FALSY);
    }

    @Test
    void undefinedIsToldApartFromOtherFalsyValues() {
        load("function handleInput(a) { return a.x === 1 ? undefined : ''; }");

        assertThat(run(Hook.INPUT, "{\"x\":1}").kind()).isEqualTo(HookResult.Kind.UNDEFINED);
        assertThat(run(Hook.INPUT, "{\"x\":2}").kind()).isEqualTo(HookResult.Kind.FALSY);
    }

    @Test
    void noHostClassesAreReachable() {
        load("""
                function handleInput() {
                  const seen = [];
                  for (const probe of [
                      () => Java.type('java.lang.System'),
                      () => Packages.java.lang.System,
                      () => Polyglot.eval('js', '1'),
                      () => java.lang.Runtime]) {
                    try { const v = probe(); if (v !== undefined) seen.push(String(v)); } catch (e) { }
                  }
                  return { text: seen.join(',') || 'none' };
                }
                """);

        assertThat(run(Hook.INPUT, "{}").value().path("text").asText()).isEqualTo("none");
    }

    @Test
    void theHostObjectBehindTheHelpersIsNotReachable() {
        load("function handleInput() { return { text: typeof host + ',' + typeof globalThis.host + ',' + Object.keys(console).join('') }; }");

        assertThat(run(Hook.INPUT, "{}").value().path("text").asText()).isEqualTo("undefined,undefined,loginfodebugwarnerror");
    }

    @Test
    void noFileSystemAndNoLoad() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "top secret");
        load("function handleInput() { try { load('" + secret + "'); return { text: 'loaded' }; } catch (e) { return { text: 'refused' }; } }");

        assertThat(run(Hook.INPUT, "{}").value().path("text").asText()).isEqualTo("refused");
    }

    @Test
    void anInfiniteLoopEndsAtTheTimeLimitAndTheNextCallRuns() {
        load("function handleInput(a) { if (a.loop) { for (;;) {} } return { text: 'ok' }; }",
                new TransformerSettings(null, null, null, Duration.ofMillis(300), Long.MAX_VALUE));

        assertThatThrownBy(() -> run(Hook.INPUT, "{\"loop\":true}"))
                .isInstanceOfSatisfying(TransformerException.class, e -> assertThat(e.reason()).isEqualTo("timeout"));
        assertThat(run(Hook.INPUT, "{}").value().path("text").asText()).isEqualTo("ok");
    }

    @Test
    void theStatementLimitHoldsPerCall() {
        load("function handleInput(a) { let n = 0; for (let i = 0; i < a.n; i++) { n++; } return { text: String(n) }; }",
                new TransformerSettings(null, null, null, Duration.ofSeconds(10), 1000L));

        assertThatThrownBy(() -> run(Hook.INPUT, "{\"n\":100000}"))
                .isInstanceOfSatisfying(TransformerException.class, e -> assertThat(e.reason()).isEqualTo("statement-limit"));
        for (int i = 0; i < 5; i++) {
            assertThat(run(Hook.INPUT, "{\"n\":100}").value().path("text").asText()).as("the limit is per call").isEqualTo("100");
        }
    }

    @Test
    void aThrowIsAScriptError() {
        load("async function handleInput() { throw new Error('boom'); }");

        assertThatThrownBy(() -> run(Hook.INPUT, "{}"))
                .isInstanceOfSatisfying(TransformerException.class, e -> {
                    assertThat(e.reason()).isEqualTo("script-error");
                    assertThat(e.getMessage()).contains("boom");
                });
    }

    @Test
    void aScriptThatDoesNotCompileNamesTheEndpointAndTheLine() throws IOException {
        Path script = Files.writeString(dir.resolve("broken.js"), "// fine\nconst x = ;\nfunction handleInput() {}\n");

        assertThatThrownBy(() -> ScriptRunner.load("demo", settings(script), new HostFunctions(), watchdog))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("wabridge.endpoints.demo.transformers.script")
                .hasMessageContaining("does not compile at line 2");
    }

    @Test
    void sessionStorageIsReturnedWhenTheHookUsedIt() {
        load("async function handleInput({ input }) { const s = await getSessionStorage(input.userId, input.sessionId);"
                + " s.count = (s.count || 0) + 1; return { text: String(s.count) }; }");
        JsonNode stored = Json.mapper().createObjectNode().put("userId", "u").put("sessionId", "s")
                .set("value", Json.mapper().createObjectNode().put("count", 41));

        HookResult result = runner.run(Hook.INPUT, arg("{\"input\":{\"userId\":\"u\",\"sessionId\":\"s\"}}"), stored, scope());

        assertThat(result.value().path("text").asText()).isEqualTo("42");
        assertThat(result.storage().path("value").path("count").asInt()).isEqualTo(42);
    }

    @Test
    void helpersHashAndMakeUuids() {
        load("function handleInput() { return { text: crypto.sha256('abc') + ' ' + crypto.hmacSha256('key', 'abc').length + ' '"
                + " + uuid.v4().length }; }");

        assertThat(run(Hook.INPUT, "{}").value().path("text").asText())
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad 64 36");
    }

    @Test
    void concurrentCallsNeverShareAContext() throws Exception {
        // A global written before an await and read after it: shared between calls, it would mix answers up.
        load("async function handleInput({ input }) { globalThis.last = input.text; await Promise.resolve();"
                + " for (let i = 0; i < 200; i++) {} return { text: globalThis.last }; }");
        var pool = Executors.newFixedThreadPool(24);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 240; i++) {
                String text = "t" + i;
                results.add(pool.submit(() -> text.equals(runner.run(Hook.INPUT, arg("{\"input\":{\"text\":\"" + text + "\"}}"),
                        null, scope()).value().path("text").asText())));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Not a speed assertion: prints the rough cost of a warm call, for the docs. */
    @Test
    void printsTheCostOfAWarmCall() {
        load("async function handleInput({ input }) { return { text: input.text.trim(), data: { ...input.data, seen: true } }; }");
        ObjectNode argument = arg("{\"input\":{\"text\":\" hi \",\"data\":{\"a\":1}}}");
        for (int i = 0; i < 2000; i++) {
            runner.run(Hook.INPUT, argument, null, scope());
        }
        int calls = 2000;
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            runner.run(Hook.INPUT, argument, null, scope());
        }
        System.out.printf("transformer call: %.1f µs on average over %d warm calls%n", (System.nanoTime() - start) / 1000.0 / calls, calls);
        assertThat(runner.run(Hook.INPUT, argument, null, scope()).value().path("data").path("seen").asBoolean()).isTrue();
    }

    private void load(String script) {
        // Generous: the build machine may be loaded; the time limit itself has its own test.
        load(script, new TransformerSettings(null, null, null, Duration.ofSeconds(20), null));
    }

    private void load(String script, TransformerSettings limits) {
        try {
            Path file = Files.writeString(dir.resolve("t.js"), script);
            runner = ScriptRunner.load("demo", new TransformerSettings(file.toString(), null, null, limits.timeout(),
                    limits.statementLimit()), new HostFunctions(), watchdog);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static TransformerSettings settings(Path script) {
        return new TransformerSettings(script.toString(), null, null, null, null);
    }

    private HookResult run(Hook hook, String argument) {
        return runner.run(hook, arg(argument), null, scope());
    }

    private static ObjectNode arg(String json) {
        try {
            return (ObjectNode) Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static CallScope scope() {
        return new CallScope("demo", "handleInput", Masking.OFF, Instant.now().plusSeconds(20));
    }
}
