package io.wabridge.bench.process;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The child's half of {@link ChildProcess}: watches the heap, writes {@code <name>.stats.json}
 * when the JVM stops and {@code <name>.ready} once the child is up, and (unless standard input
 * is the child's own protocol) exits when standard input closes, i.e. when the harness is gone.
 */
public final class ChildSide {

    static final String NAME = "bench-name";
    static final String STATS_DIR = "bench-stats-dir";

    private static final Logger log = LoggerFactory.getLogger(ChildSide.class);

    private final Path ready;

    private ChildSide(Path ready) {
        this.ready = ready;
    }

    public static ChildSide install(Args args, boolean exitWhenStdinCloses) {
        String name = args.required(NAME);
        Path dir = Path.of(args.required(STATS_DIR));
        HeapWatcher heap = HeapWatcher.start();
        Path stats = dir.resolve(name + ".stats.json");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> write(stats, heap.stats()), "bench-stats"));
        if (exitWhenStdinCloses) {
            Thread watch = new Thread(ChildSide::exitOnEndOfInput, "bench-parent-watch");
            watch.setDaemon(true);
            watch.start();
        }
        return new ChildSide(dir.resolve(name + ".ready"));
    }

    public void ready() {
        try {
            Files.writeString(ready, "ready\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void exitOnEndOfInput() {
        try {
            InputStream in = System.in;
            while (in.read() >= 0) {
                // nothing is expected on standard input; only its end matters
            }
        } catch (IOException e) {
            log.warn("standard input failed; stopping as if the harness were gone", e);
        }
        log.info("harness gone (standard input closed): stopping");
        System.exit(0);
    }

    private static void write(Path file, HeapStats stats) {
        try {
            new ObjectMapper().writeValue(file.toFile(), stats);
        } catch (IOException e) {
            log.error("cannot write heap stats to {}", file, e);
        }
    }
}
