package io.wabridge.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example transformer that {@code ./run-local.sh} ships ({@code local-runner/transformers/example.js}),
 * switched on with its one setting, end to end: chat backend → ingress → processor (script) → demo
 * bot → processor (script) → egress → the fake Graph API.
 */
class ExampleTransformerIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Path SCRIPT = Path.of("transformers", "example.js").toAbsolutePath();

    @TempDir
    static Path dataDir;

    private static LocalPipeline pipeline;
    private static SandboxClient sandbox;

    @BeforeAll
    static void startPipeline() throws Exception {
        assertThat(Files.isRegularFile(SCRIPT)).as("the example shipped with the local runner: %s", SCRIPT).isTrue();
        LocalSettings local = new LocalSettings(dataDir, freePort(), freePort(), freePort(), freePort(), freePort(), freePort(), null);
        // Given to the sandbox too, as the README's WABRIDGE_ENDPOINTS_DEMO_TRANSFORMERS_SCRIPT reaches every context of the JVM.
        List<String> script = List.of("--wabridge.endpoints.demo.transformers.script=" + SCRIPT);
        pipeline = LocalPipeline.start(local, Map.of(), script, script);
        sandbox = new SandboxClient(local.sandboxPort());
    }

    @AfterAll
    static void stopPipeline() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void theInputTransformReachesTheBotAndTheOutputTransformReachesWhatsApp() {
        String user = "4915550000101";

        assertThat(sandbox.say(user, "shout hello there").get("ingressStatus").asInt()).isEqualTo(200);

        List<String> sent = await().atMost(WAIT).until(() -> sandbox.outboxTexts(user), texts -> !texts.isEmpty());
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0)).as("the bot saw the upper-cased text; the reply was signed on its way out")
                .startsWith("You said: HELLO THERE")
                .endsWith("_— transformed (message 1 of this session)_");
    }

    @Test
    void aStoppedInputNeverReachesTheBotAndTheNextOneIsHandled() {
        String user = "4915550000102";

        assertThat(sandbox.say(user, "!not for the bot").get("ingressStatus").asInt()).as("acknowledged all the same").isEqualTo(200);
        assertThat(sandbox.say(user, "count").get("ingressStatus").asInt()).isEqualTo(200);

        List<String> sent = await().atMost(WAIT).until(() -> sandbox.outboxTexts(user), texts -> !texts.isEmpty());
        assertThat(sent).as("no reply to the stopped message, one to the next").hasSize(1);
        assertThat(sent.get(0)).as("the bot's first call from this user; the session storage counted one message")
                .startsWith("This is call number 1 from you.")
                .endsWith("_— transformed (message 1 of this session)_");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
