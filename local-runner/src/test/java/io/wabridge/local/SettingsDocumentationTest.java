package io.wabridge.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The settings tables of the READMEs and {@code docs/} against the configuration metadata every
 * service module ships (generated from its settings records, plus service-support's endpoint
 * metadata): the metadata is where names, descriptions and defaults are written; the tables must
 * say the same. Lives here because this module sees every service's metadata.
 */
class SettingsDocumentationTest {

    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

    /** A property in the metadata: its default as text, or null when it has none. */
    private record Property(String name, String defaultValue, boolean isMap, boolean described) {
    }

    @Test
    void everyPropertyIsDocumentedWithItsDefaultAndEveryDocumentedPropertyExists() throws IOException {
        Map<String, Property> metadata = metadata();
        List<SettingsTables.Row> rows = documentedRows();
        assertThat(metadata).as("wabridge.* metadata on the classpath").containsKeys("wabridge.endpoints.*.phone-number-id",
                "wabridge.topics.partitions", "wabridge.processor.pipeline.workers", "wabridge.egress.retry.max-attempts",
                "wabridge.ingress.publish.timeout", "wabridge.sandbox.endpoint-id");
        assertThat(rows).as("wabridge.* rows in the settings tables").hasSizeGreaterThan(50);

        List<String> problems = new ArrayList<>();
        for (Property property : metadata.values()) {
            if (!property.described()) {
                problems.add(property.name() + " has no description (the @param javadoc of its record component)");
            }
            boolean documented = rows.stream().anyMatch(row -> row.property().equals(property.name())
                    || (property.isMap() && row.property().startsWith(property.name() + ".*")));
            if (!documented) {
                problems.add(property.name() + " (default " + property.defaultValue() + ") is in no README settings table");
            }
        }
        for (SettingsTables.Row row : rows) {
            Property property = metadata.get(row.property());
            if (property == null) {
                boolean mapEntry = metadata.values().stream().anyMatch(map -> map.isMap() && row.property().equals(map.name() + ".*"));
                if (!mapEntry) {
                    problems.add(row.source() + ": " + row.property() + " is documented but no service has it");
                }
            } else if (property.defaultValue() == null ? !row.defaultValue().startsWith("—")
                    : !row.defaultValue().equals(property.defaultValue())) {
                problems.add(row.source() + ": " + row.property() + " is documented with default '" + row.defaultValue()
                        + "' but its default is " + (property.defaultValue() == null ? "none (write —)" : "'" + property.defaultValue() + "'"));
            }
        }
        assertThat(problems).as("settings documentation against the configuration metadata").isEmpty();
    }

    private static Map<String, Property> metadata() throws IOException {
        ObjectMapper json = new ObjectMapper();
        Map<String, Property> properties = new TreeMap<>();
        for (URL url : Collections.list(SettingsDocumentationTest.class.getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = url.openStream()) {
                for (JsonNode property : json.readTree(in).path("properties")) {
                    String name = property.path("name").asText();
                    if (name.startsWith("wabridge.")) {
                        JsonNode value = property.get("defaultValue");
                        String type = property.path("type").asText();
                        properties.put(name, new Property(name, value == null ? null : value.asText(), type.startsWith("java.util.Map<"),
                                !property.path("description").asText().isBlank()));
                    }
                }
            }
        }
        return properties;
    }

    private static List<SettingsTables.Row> documentedRows() throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(REPOSITORY.resolve("README.md"));
        try (Stream<Path> modules = Files.list(REPOSITORY); Stream<Path> docs = Files.list(REPOSITORY.resolve("docs"))) {
            modules.map(module -> module.resolve("README.md")).filter(Files::isRegularFile).forEach(files::add);
            docs.filter(file -> file.toString().endsWith(".md")).forEach(files::add);
        }
        return files.stream().flatMap(file -> SettingsTables.read(REPOSITORY, file).stream()).toList();
    }
}
