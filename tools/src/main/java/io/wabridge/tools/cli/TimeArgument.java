package io.wabridge.tools.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A point in time on the command line: an ISO-8601 instant ({@code 2026-11-27T09:00:00Z}) or a
 * duration ago, either short ({@code 90s}, {@code 15m}, {@code 2h}, {@code 1d}) or ISO ({@code PT15M}).
 * The converter of every {@link Instant} option; picocli names the option in its error.
 */
public final class TimeArgument implements ITypeConverter<Instant> {

    private static final Pattern SHORT = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    private final Clock clock;

    public TimeArgument(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Instant convert(String text) {
        String value = text.trim();
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException notAnInstant) {
            return clock.instant().minus(duration(value));
        }
    }

    private static Duration duration(String value) {
        Matcher matcher = SHORT.matcher(value.toLowerCase(Locale.ROOT));
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            return switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        }
        try {
            return Duration.parse(value.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("'" + value + "' is neither an ISO instant (2026-11-27T09:00:00Z) nor a duration ago "
                    + "(15m, 2h, 1d, PT15M)");
        }
    }
}
