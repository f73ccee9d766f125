package io.wabridge.support.logging;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

/**
 * Raises loggers to DEBUG for each test and puts them back after it, for tests that assert on what
 * the DEBUG lines say (masking): {@code @RegisterExtension DebugLogs debug = new DebugLogs("io.wabridge")}.
 */
public final class DebugLogs implements BeforeEachCallback, AfterEachCallback {

    private final String loggers;

    public DebugLogs(String loggers) {
        this.loggers = loggers;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        LoggingSystem.get(getClass().getClassLoader()).setLogLevel(loggers, LogLevel.DEBUG);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        LoggingSystem.get(getClass().getClassLoader()).setLogLevel(loggers, null);
    }
}
