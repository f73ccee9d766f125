package io.wabridge.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code wabridge.*} rows of the settings tables ({@code | property | default | meaning |}) in
 * the repository's Markdown. A table whose rows are relative takes the prefix the lines above it
 * name, e.g. "Processor ({@code `wabridge.processor.*`}):". Map keys written as {@code <id>} become
 * {@code *}, as in the configuration metadata.
 */
final class SettingsTables {

    /** One documented property: its full name, its default as written (backticks and quotes dropped), and where. */
    record Row(String property, String defaultValue, String source) {
    }

    private static final String HEADER = "| property | default | meaning |";
    private static final Pattern PREFIX = Pattern.compile("`(wabridge\\.[a-z0-9.<>*-]*)\\.\\*`");
    /** First segments of properties that are not wabridge's own (Spring Boot's), documented next to them. */
    private static final List<String> OTHER_ROOTS = List.of("spring.", "server.", "management.", "logging.");

    private SettingsTables() {
    }

    /** Rows of {@code file}; their source is named relative to {@code root}. */
    static List<Row> read(Path root, Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Row> rows = new ArrayList<>();
        String prefix = null;
        boolean inTable = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.equals(HEADER)) {
                inTable = true;
                continue;
            }
            if (inTable && line.startsWith("|")) {
                Row row = row(line, prefix, root.relativize(file) + ":" + (i + 1));
                if (row != null) {
                    rows.add(row);
                }
                continue;
            }
            if (inTable) {
                inTable = false;
                prefix = null;
            }
            if (line.startsWith("#")) {
                prefix = null;
            }
            Matcher named = PREFIX.matcher(line);
            while (named.find()) {
                prefix = named.group(1) + ".";
            }
        }
        return rows;
    }

    private static Row row(String line, String prefix, String source) {
        String[] cells = line.split("(?<!\\\\)\\|");
        if (cells.length < 4 || cells[1].trim().startsWith("---")) {
            return null;
        }
        String name = unquote(cells[1]);
        // "wabridge.topics.*": a pointer to another table, not a property.
        if (OTHER_ROOTS.stream().anyMatch(name::startsWith) || name.endsWith(".*")) {
            return null;
        }
        if (!name.startsWith("wabridge.")) {
            if (prefix == null) {
                return null;
            }
            name = prefix + name;
        }
        return new Row(name.replaceAll("<[^>]+>", "*"), unquote(cells[2]), source);
    }

    private static String unquote(String cell) {
        return cell.trim().replaceAll("^[`\"]+|[`\"]+$", "").trim();
    }
}
