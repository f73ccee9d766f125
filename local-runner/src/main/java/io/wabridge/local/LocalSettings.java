package io.wabridge.local;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the local pipeline listens and keeps its data. Each value comes from an environment
 * variable ({@code WABRIDGE_LOCAL_*}) or has a default; the services' own settings are not here.
 *
 * @param externalKafka {@code SPRING_KAFKA_BOOTSTRAPSERVERS}, when set: use that broker, start none
 */
public record LocalSettings(
        Path dataDir,
        int kafkaPort,
        int kafkaControllerPort,
        int ingressPort,
        int processorPort,
        int egressPort,
        int sandboxPort,
        String externalKafka) {

    public static LocalSettings from(Map<String, String> env) {
        return new LocalSettings(
                Path.of(env.getOrDefault("WABRIDGE_LOCAL_DATA_DIR", ".wabridge")),
                port(env, "WABRIDGE_LOCAL_KAFKA_PORT", 9092),
                port(env, "WABRIDGE_LOCAL_KAFKA_CONTROLLER_PORT", 9093),
                port(env, "WABRIDGE_LOCAL_INGRESS_PORT", 8080),
                port(env, "WABRIDGE_LOCAL_PROCESSOR_PORT", 8081),
                port(env, "WABRIDGE_LOCAL_EGRESS_PORT", 8082),
                port(env, "WABRIDGE_LOCAL_SANDBOX_PORT", 8090),
                blankToNull(env.get("SPRING_KAFKA_BOOTSTRAPSERVERS")));
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number (0-65535) but was " + value, e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
