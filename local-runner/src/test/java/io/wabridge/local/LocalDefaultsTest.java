package io.wabridge.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalDefaultsTest {

    private final LocalSettings local = new LocalSettings(Path.of("data"), 1, 2, 3, 4, 5, 6, null);

    @Test
    void structuredLoggingFromTheEnvironmentSwitchesToTheStructuredLogbackFile() {
        assertThat(LocalDefaults.arguments(local, "kafka:9092", 3, Map.of("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs")))
                .contains("--logging.config=classpath:logback-structured.xml");
        assertThat(LocalDefaults.arguments(local, "kafka:9092", 3, Map.of()))
                .noneMatch(argument -> argument.startsWith("--logging.config"));
    }
}
