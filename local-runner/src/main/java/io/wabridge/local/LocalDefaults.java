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
        defaults.put(prefix + "cognigy.url", "http://localhost:" + local.sandboxPort() + "/cognigy/demo-url-token");
        if (!env.containsKey(environmentName(prefix + "access-token"))) {
            defaults.put("wabridge.whatsapp.graph-url", "http://localhost:" + local.sandboxPort());
        }
        Map<String, String> arguments = new LinkedHashMap<>();
        defaults.forEach((key, value) -> {
            if (!env.containsKey(environmentName(key))) {
                arguments.put(key, value);
            }
        });
        // The port is the runner's to choose: several services share this JVM and SERVER_PORT would clash.
        arguments.put("server.port", Integer.toString(port));
        return arguments.entrySet().stream().map(entry -> "--" + entry.getKey() + "=" + entry.getValue()).toList();
    }

    /** Spring Boot's environment variable for a property: dots to underscores, dashes removed, upper case. */
    static String environmentName(String property) {
        return property.replace('.', '_').replace("-", "").toUpperCase(Locale.ROOT);
    }
}
