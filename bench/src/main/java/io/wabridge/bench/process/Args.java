package io.wabridge.bench.process;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The arguments the harness gives its child processes: {@code --key=value} and {@code --flag}, plus
 * the positional ones (a role). Open-ended on purpose: a service child passes every
 * {@code --spring.property=value} on to Spring. The harness's own command line is {@code BenchCommand}'s.
 */
public record Args(Map<String, String> options, List<String> positional) {

    public static Args parse(String... args) {
        Map<String, String> options = new LinkedHashMap<>();
        List<String> positional = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--")) {
                int equals = arg.indexOf('=');
                if (equals < 0) {
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
