package io.wabridge.processor;

import com.fasterxml.jackson.databind.JsonNode;
import io.wabridge.model.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Golden JSON files under {@code src/test/resources/golden}. Run a test with
 * {@code -Dgolden.update=true} to (re)write them from the current behaviour, then review the diff.
 */
public final class Golden {

    private static final Path SOURCE = Path.of("src/test/resources/golden");

    private Golden() {
    }

    public static JsonNode read(String name) {
        try (InputStream in = Golden.class.getClassLoader().getResourceAsStream("golden/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no golden file " + name);
            }
            return Json.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Names (relative to {@code golden/}) of the files in a golden folder, sorted. */
    public static List<String> list(String folder) {
        try (Stream<Path> files = Files.list(SOURCE.resolve(folder))) {
            return files.map(path -> folder + "/" + path.getFileName()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static boolean updating() {
        return Boolean.getBoolean("golden.update");
    }

    public static void write(String name, JsonNode value) {
        try {
            Path path = SOURCE.resolve(name);
            Files.createDirectories(path.getParent());
            Files.writeString(path, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(value) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
