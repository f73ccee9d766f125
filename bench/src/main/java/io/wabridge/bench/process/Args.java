package io.wabridge.bench.process;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code --key=value} (or {@code --key value} for a few) and {@code --flag} arguments, plus the positional ones. */
public record Args(Map<String, String> options, List<String> positional) {

    /** Options that may also be written {@code --name value}. */
    private static final Set<String> VALUED = Set.of("scenario", "out", "p99-limit-ms", "max-error-ratio");

    public static Args parse(String... args) {
        Map<String, String> options = new LinkedHashMap<>();
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("--")) {
                int equals = arg.indexOf('=');
                if (equals < 0 && i + 1 < args.length && !args[i + 1].startsWith("--") && VALUED.contains(arg.substring(2))) {
                    options.put(arg.substring(2), args[++i]);
                } else if (equals < 0) {
                    options.put(arg.substring(2), "true");
                } else {
                    options.put(arg.substring(2, equals), arg.substring(equals + 1));
                }
            } else {
                positional.add(arg);
            }
        }
        return new Args(Map.copyOf(options), List.copyOf(positional));
    }

    public String required(String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    public String get(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    public int getInt(String name, int fallback) {
        String value = options.get(name);
        try {
            return value == null ? fallback : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number but was " + value, e);
        }
    }

    public double getDouble(String name, double fallback) {
        String value = options.get(name);
        try {
            return value == null ? fallback : Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a number but was " + value, e);
        }
    }

    public boolean flag(String name) {
        return Boolean.parseBoolean(options.getOrDefault(name, "false"));
    }
}
