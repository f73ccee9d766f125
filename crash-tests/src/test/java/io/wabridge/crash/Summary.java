package io.wabridge.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/** One scenario's figures, as printed and appended to {@code target/crash/summary.md}. */
record Summary(String scenario, int users, int kills, Duration load, Duration drain, Tally tally, String notes) {

    static final String HEADER = "| scenario | users | messages | replies expected | Graph accepted | dead letters | kills "
            + "| lost | doubled | reissued | reordered | bot-side duplicates | load | drain | notes |\n"
            + "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n";

    String row() {
        return "| " + scenario + " | " + users + " | " + tally.acknowledged() + " | " + tally.expectedReplies() + " | " + tally.accepted()
                + " | " + tally.deadLettered() + " | " + kills + " | " + tally.lost() + " | " + tally.doubled() + " | " + tally.reissued()
                + " | " + tally.reordered() + " | " + tally.botRepeats() + " | " + load.toSeconds() + " s | " + drain.toSeconds() + " s | "
                + notes + " |";
    }

    /** Prints the row and appends it to the run's summary file (with the table header when the file is new). */
    void report() {
        System.out.println("CRASH SUMMARY " + row());
        tally.examples().forEach(example -> System.out.println("  " + example));
        Path file = Path.of(System.getProperty("crash.dir", "target/crash")).resolve("summary.md");
        try {
            Files.createDirectories(file.getParent());
            if (!Files.exists(file)) {
                Files.writeString(file, "Crash tests, " + Instant.now() + "\n\n" + HEADER);
            }
            Files.writeString(file, row() + "\n", StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String faults(Map<FakeGraph.Fault, Long> faults) {
        long total = faults.values().stream().mapToLong(Long::longValue).sum();
        StringBuilder text = new StringBuilder(total + " Graph faults (");
        faults.forEach((fault, count) -> text.append(fault.name().toLowerCase(Locale.ROOT)).append(' ').append(count).append(", "));
        text.setLength(text.length() - 2);
        return text.append(')').toString();
    }
}
