package io.wabridge.local;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code main}: starts the {@link LocalPipeline}, prints where everything is, stops it on Ctrl-C. */
public final class LocalRunner {

    private static final Logger log = LoggerFactory.getLogger(LocalRunner.class);

    private LocalRunner() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        LocalSettings local = LocalSettings.from(env);
        LocalPipeline pipeline = LocalPipeline.start(local, env);
        Runtime.getRuntime().addShutdownHook(new Thread(pipeline::close, "wabridge-local-shutdown"));
        log.info("""

                wabridge is running locally
                  Chat page (the user's phone)  http://localhost:{}/
                  Agent panel (type "agent")    http://localhost:{}/agent.html
                  Meta webhook callback URL     http://localhost:{}/webhooks/whatsapp/{}   (verify token: {})
                  Kafka                         {}{}
                  Ctrl-C stops everything.
                """, local.sandboxPort(), local.sandboxPort(), local.ingressPort(), LocalDefaults.ENDPOINT, LocalDefaults.VERIFY_TOKEN,
                pipeline.bootstrapServers(),
                pipeline.kafkaInProcess() ? " (in-process, data in " + local.dataDir().resolve("kafka") + ")" : " (external)");
    }
}
