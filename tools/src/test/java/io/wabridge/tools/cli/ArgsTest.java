package io.wabridge.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArgsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void readsValuesInBothFormsAndFlags() {
        Args args = Args.parse(List.of("--from", "a", "--to=b", "--dry-run"), Set.of("from", "to"), Set.of("dry-run", "force"));

        assertThat(args.required("from")).isEqualTo("a");
        assertThat(args.value("to")).contains("b");
        assertThat(args.flag("dry-run")).isTrue();
        assertThat(args.flag("force")).isFalse();
    }

    @Test
    void refusesUnknownMissingAndRepeatedOptions() {
        Set<String> valued = Set.of("from");
        Set<String> flags = Set.of("force");

        assertThatThrownBy(() -> Args.parse(List.of("--form", "a"), valued, flags)).hasMessageContaining("unknown option: --form");
        assertThatThrownBy(() -> Args.parse(List.of("--from"), valued, flags)).hasMessageContaining("--from needs a value");
        assertThatThrownBy(() -> Args.parse(List.of("--from", "a", "--from", "b"), valued, flags)).hasMessageContaining("twice");
        assertThatThrownBy(() -> Args.parse(List.of("--force=yes"), valued, flags)).hasMessageContaining("takes no value");
        assertThatThrownBy(() -> Args.parse(List.of("stray"), valued, flags)).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> Args.parse(List.of(), valued, flags).required("from")).hasMessageContaining("--from is required");
    }

    @Test
    void timesAreInstantsOrDurationsAgo() {
        assertThat(TimeArgument.parse("since", "2026-11-27T09:00:00Z", CLOCK)).isEqualTo(Instant.parse("2026-11-27T09:00:00Z"));
        assertThat(TimeArgument.parse("since", "15m", CLOCK)).isEqualTo(Instant.parse("2026-11-27T09:45:00Z"));
        assertThat(TimeArgument.parse("since", "2h", CLOCK)).isEqualTo(Instant.parse("2026-11-27T08:00:00Z"));
        assertThat(TimeArgument.parse("since", "1d", CLOCK)).isEqualTo(Instant.parse("2026-11-26T10:00:00Z"));
        assertThat(TimeArgument.parse("since", "PT30S", CLOCK)).isEqualTo(Instant.parse("2026-11-27T09:59:30Z"));
        assertThatThrownBy(() -> TimeArgument.parse("until", "yesterday", CLOCK))
                .isInstanceOf(UsageException.class).hasMessageContaining("--until");
    }
}
