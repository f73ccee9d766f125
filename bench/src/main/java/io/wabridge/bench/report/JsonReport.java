package io.wabridge.bench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The run as JSON: {@code results-<time>.json} and a copy as {@code latest.json}. */
public final class JsonReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    /** Writes the report into {@code dir}; returns the file written. */
    public static Path write(RunReport report, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve("results-" + report.started().replace(":", "").replaceAll("\\.\\d+", "") + ".json");
        JSON.writeValue(file.toFile(), report);
        Files.copy(file, dir.resolve("latest.json"), StandardCopyOption.REPLACE_EXISTING);
        return file;
    }
}
