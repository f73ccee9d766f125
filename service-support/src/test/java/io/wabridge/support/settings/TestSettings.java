package io.wabridge.support.settings;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * Test fixture: a settings record bound the way Spring Boot binds it at start-up, so it gets the
 * defaults its {@code @DefaultValue}s declare (the only place they are written):
 * {@code TestSettings.bind(RetrySettings.class, "max-attempts=3")}. Properties are relative to
 * the record's {@code @ConfigurationProperties} prefix.
 */
public final class TestSettings {

    private TestSettings() {
    }

    public static <T> T bind(Class<T> type, String... properties) {
        String prefix = type.getAnnotation(ConfigurationProperties.class).value();
        Map<String, String> source = new LinkedHashMap<>();
        for (String property : properties) {
            int equals = property.indexOf('=');
            source.put(prefix + "." + property.substring(0, equals), property.substring(equals + 1));
        }
        return new Binder(new MapConfigurationPropertySource(source)).bindOrCreate(prefix, type);
    }
}
