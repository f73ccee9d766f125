package io.wabridge.support.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wabridge.model.settings.EndpointSettings;
import io.wabridge.model.settings.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.convert.ApplicationConversionService;

/**
 * The hand-written metadata of {@code wabridge.endpoints.*.*} (the processor only sees the map)
 * against {@link EndpointSettings}, where the defaults are written: every property of an endpoint
 * has an entry, every entry is a property, and each entry's default is what an endpoint gets when
 * nothing is set.
 */
class EndpointMetadataTest {

    private static final String PREFIX = "wabridge.endpoints.*.";

    @Test
    void describesEveryEndpointPropertyWithTheDefaultItGets() throws IOException {
        Map<String, JsonNode> metadata = endpointMetadata();
        Map<String, Object> bound = leaves("", bindEmptyEndpoint());
        bound.put(PREFIX + "phone-number-id", null); // set only so that the endpoint exists; it has no default

        assertThat(metadata.keySet()).as("wabridge.endpoints.*.<property> entries").isEqualTo(bound.keySet());
        List<String> wrong = new ArrayList<>();
        metadata.forEach((property, entry) -> {
            assertThat(entry.path("description").asText()).as(property + " description").isNotBlank();
            Object actual = bound.get(property);
            JsonNode declared = entry.get("defaultValue");
            Object expected = declared == null || actual == null ? null
                    : actual instanceof Collection<?> ? declared.asText() // a set of enums, as the property is written
                    : ApplicationConversionService.getSharedInstance().convert(declared.asText(), actual.getClass());
            if (actual instanceof Collection<?> values) {
                actual = values.stream().map(value -> value.toString().toLowerCase(Locale.ROOT)).collect(Collectors.joining(","));
            }
            if (!Objects.equals(expected, actual)) {
                wrong.add(property + ": metadata says " + declared + ", an endpoint gets " + actual);
            }
        });
        assertThat(wrong).as("defaults in additional-spring-configuration-metadata.json against EndpointSettings").isEmpty();
    }

    private static EndpointSettings bindEmptyEndpoint() {
        Map<String, String> properties = Map.of("wabridge.endpoints.x.phone-number-id", "1");
        return new Binder(new MapConfigurationPropertySource(properties)).bind("wabridge", EndpointsSettings.class).get()
                .endpoints().get("x");
    }

    /** Every leaf of the settings records by its property name, e.g. {@code cognigy.timeout}; unset leaves as null. */
    private static Map<String, Object> leaves(String path, Record settings) {
        Map<String, Object> leaves = new TreeMap<>();
        for (RecordComponent component : settings.getClass().getRecordComponents()) {
            String name = path + component.getName().replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
            Object value;
            try {
                value = component.getAccessor().invoke(settings);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            if (value instanceof Record nested && !(value instanceof Secret)) {
                leaves.putAll(leaves(name + ".", nested));
            } else {
                leaves.put(PREFIX + name, value);
            }
        }
        return leaves;
    }

    private static Map<String, JsonNode> endpointMetadata() throws IOException {
        Map<String, JsonNode> entries = new TreeMap<>();
        try (InputStream in = EndpointMetadataTest.class.getResourceAsStream("/META-INF/additional-spring-configuration-metadata.json")) {
            for (JsonNode property : new ObjectMapper().readTree(in).path("properties")) {
                if (property.path("name").asText().startsWith(PREFIX)) {
                    entries.put(property.path("name").asText(), property);
                }
            }
        }
        return entries;
    }
}
