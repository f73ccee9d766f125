package io.wabridge.local;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The settings the local pipeline gives the services: one {@code demo} endpoint wired to the
 * sandbox fakes. Each is passed only when the environment does not set that property itself, so
 * real credentials in the environment switch a fake off: a real access token sends to Meta's Graph
 * API instead of the fake one, a real Cognigy URL talks to that instead of the demo bot.
 */
final class LocalDefaults {

    static final String ENDPOINT = "demo";
    static final String PHONE_NUMBER_ID = "100000000000001";
    static final String APP_SECRET = "sandbox-app-secret";
    static final String VERIFY_TOKEN = "sandbox-verify-token";
    static final String ACCESS_TOKEN = "sandbox-access-token";
    /** Inject, Notify and the handover API; the sandbox's agent panel answers with it. */
    static final String API_KEY = "sandbox-api-key";

    private LocalDefaults() {
    }

    /** Command-line style arguments ({@code --key=value}) for one service context. */
    static List<String> arguments(LocalSettings local, String bootstrapServers, int port, Map<String, String> env) {
        String prefix = "wabridge.endpoints." + ENDPOINT + ".";
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("spring.kafka.bootstrap-servers", bootstrapServers);
        defaults.put(prefix + "phone-number-id", PHONE_NUMBER_ID);
        defaults.put(prefix + "verify-token", VERIFY_TOKEN);
        defaults.put(prefix + "app-secret", APP_SECRET);
        defaults.put(prefix + "access-token", ACCESS_TOKEN);
        defaults.put(prefix + "api-key", API_KEY);
        defaults.put(prefix + "cognigy.url", "http://localhost:" + local.sandboxPort() + "/cognigy/demo-url-token");
        // Real-time translation stays off unless WABRIDGE_ENDPOINTS_DEMO_TRANSLATION_ENABLED=true; then the sandbox's fake DeepL serves it.
        defaults.put(prefix + "translation.provider", "deepl");
        defaults.put(prefix + "translation.api-key", "sandbox-deepl-key");
        defaults.put(prefix + "translation.base-url", "http://localhost:" + local.sandboxPort() + "/deepl");
        if (!env.containsKey(environmentName(prefix + "access-token"))) {
            defaults.put("wabridge.whatsapp.graph-url", "http://localhost:" + local.sandboxPort());
        }
        Map<String, String> arguments = new LinkedHashMap<>();
        defaults.forEach((key, value) -> {
            if (!env.containsKey(environmentName(key))) {
                arguments.put(key, value);
            }
        });
        if (env.containsKey(environmentName("logging.structured.format.console"))) {
            // logback.xml (plain console, also for the broker) would win over Boot's structured logging: switch files.
            arguments.put("logging.config", "classpath:logback-structured.xml");
        }
        // The port is the runner's to choose: several services share this JVM and SERVER_PORT would clash.
        arguments.put("server.port", Integer.toString(port));
        return arguments.entrySet().stream().map(entry -> "--" + entry.getKey() + "=" + entry.getValue()).toList();
    }

    /**
     * Arguments for the sandbox: it signs webhooks for, and accepts sends from, the demo endpoint as
     * the services are configured (so an app secret or API key set in the environment is used on both
     * sides), and its agent panel reads the handover topic (on the broker LocalPipeline gives it).
     */
    static List<String> sandboxArguments(LocalSettings local, Map<String, String> env) {
        String prefix = "wabridge.endpoints." + ENDPOINT + ".";
        return List.of(
                "--server.port=" + local.sandboxPort(),
                "--wabridge.sandbox.ingress-url=http://localhost:" + local.ingressPort(),
                "--wabridge.sandbox.endpoint-id=" + ENDPOINT,
                "--wabridge.sandbox.phone-number-id=" + env.getOrDefault(environmentName(prefix + "phone-number-id"), PHONE_NUMBER_ID),
                "--wabridge.sandbox.app-secret=" + env.getOrDefault(environmentName(prefix + "app-secret"), APP_SECRET),
                "--wabridge.sandbox.access-token=" + ACCESS_TOKEN,
                // The agent panel plays the kafka handover provider's desk: it reads the services' handover
                // topic (on the broker of its spring.kafka.* settings) and answers through ingress's handover API
                // with the endpoint's key.
                "--wabridge.sandbox.agent-desk.enabled=true",
                "--wabridge.sandbox.agent-desk.topic=" + env.getOrDefault(environmentName("wabridge.topics.handover"), "whatsapp.handover"),
                "--wabridge.sandbox.agent-desk.api-key=" + env.getOrDefault(environmentName(prefix + "api-key"), API_KEY),
                // The sandbox is no endpoint, but in this one JVM service-support's auto-configurations
                // reach it too: a WABRIDGE_ENDPOINTS_DEMO_* variable meant for the services (a real access
                // token, a transformer script) would make it bind, and refuse, a partial demo endpoint.
                "--spring.autoconfigure.exclude=io.wabridge.support.endpoint.EndpointsConfiguration");
    }

    /** The sandbox is needed unless both fakes are switched off by real credentials. */
    static boolean sandboxNeeded(Map<String, String> env) {
        String prefix = "wabridge.endpoints." + ENDPOINT + ".";
        return !(env.containsKey(environmentName(prefix + "access-token")) && env.containsKey(environmentName(prefix + "cognigy.url")));
    }

    /** Spring Boot's environment variable for a property: dots to underscores, dashes removed, upper case. */
    static String environmentName(String property) {
        return property.replace('.', '_').replace("-", "").toUpperCase(Locale.ROOT);
    }
}
