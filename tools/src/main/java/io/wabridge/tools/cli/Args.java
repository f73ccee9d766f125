package io.wabridge.tools.cli;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Parsed {@code --name value}, {@code --name=value} and {@code --flag} arguments of one command.
 * Only the names a command declares are accepted; anything else is a {@link UsageException}.
 */
public final class Args {

    private final Map<String, String> values;
    private final Set<String> flags;

    private Args(Map<String, String> values, Set<String> flags) {
        this.values = values;
        this.flags = flags;
    }

    /**
     * @param valued names that take a value
     * @param flagNames names that take none
     */
    public static Args parse(List<String> arguments, Set<String> valued, Set<String> flagNames) {
        Map<String, String> values = new HashMap<>();
        Set<String> flags = new HashSet<>();
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (!argument.startsWith("--")) {
                throw new UsageException("unexpected argument: " + argument);
            }
            String name = argument.substring(2);
            String value = null;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            }
            if (flagNames.contains(name)) {
                if (value != null) {
                    throw new UsageException("--" + name + " takes no value");
                }
                flags.add(name);
            } else if (valued.contains(name)) {
                if (value == null) {
                    if (i + 1 >= arguments.size()) {
                        throw new UsageException("--" + name + " needs a value");
                    }
                    value = arguments.get(++i);
                }
                if (values.put(name, value) != null) {
                    throw new UsageException("--" + name + " given twice");
                }
            } else {
                throw new UsageException("unknown option: --" + name);
            }
        }
        return new Args(values, flags);
    }

    public Optional<String> value(String name) {
        return Optional.ofNullable(values.get(name));
    }

    public String required(String name) {
        return value(name).orElseThrow(() -> new UsageException("--" + name + " is required"));
    }

    public Optional<Long> number(String name) {
        return value(name).map(text -> {
            try {
                return Long.parseLong(text.trim());
            } catch (NumberFormatException e) {
                throw new UsageException("--" + name + " must be a number but was " + text);
            }
        });
    }

    public boolean flag(String name) {
        return flags.contains(name);
    }
}
