package io.wabridge.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One child JVM of a crash test: a service's exec jar or a main class of this module's class path,
 * its output appended to {@code <dir>/<name>.log} (appended, so a restarted child's log tells both
 * lives). {@link #kill()} is SIGKILL ({@code kill -9}): no shutdown hook, no graceful close, nothing
 * flushed. Every child still alive when the test JVM ends is killed by a shutdown hook, so a failed
 * or interrupted test leaves no process behind.
 */
final class ChildJvm {

    private static final Logger log = LoggerFactory.getLogger(ChildJvm.class);
    private static final Set<ChildJvm> ALIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> ALIVE.forEach(ChildJvm::kill), "crash-children-reaper"));
    }

    private final String name;
    private final List<String> command;
    private final Path logFile;
    private Process process;
    /** Killed by the test (not crashed by itself) since its last start. */
    private boolean killed;

    private ChildJvm(String name, List<String> command, Path logFile) {
        this.name = name;
        this.command = List.copyOf(command);
        this.logFile = logFile;
    }

    /** {@code java <jvmOptions> -jar <jar> <args>}. */
    static ChildJvm jar(String name, Path logDir, String maxHeap, Path jar, List<String> args) {
        List<String> command = java(maxHeap);
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        command.addAll(args);
        return new ChildJvm(name, command, logDir.resolve(name + ".log"));
    }

    /** {@code java <jvmOptions> -cp <this JVM's class path> <mainClass> <args>}. */
    static ChildJvm main(String name, Path logDir, String maxHeap, List<String> jvmOptions, String mainClass, List<String> args) {
        List<String> command = java(maxHeap);
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(args);
        return new ChildJvm(name, command, logDir.resolve(name + ".log"));
    }

    private static List<String> java(String maxHeap) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + maxHeap);
        command.add("-XX:+ExitOnOutOfMemoryError");
        // Two shared cores: C1 only and the serial collector start faster and leave CPU to the others.
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseSerialGC");
        return command;
    }

    String name() {
        return name;
    }

    Path logFile() {
        return logFile;
    }

    /** Starts (or restarts, after {@link #kill()}) the process. */
    synchronized ChildJvm start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is running");
        }
        try {
            Files.createDirectories(logFile.getParent());
            Files.writeString(logFile, "==== start " + Instant.now() + ": " + String.join(" ", command) + System.lineSeparator(),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
        killed = false;
        ALIVE.add(this);
        log.info("started {} (pid {}), log {}", name, process.pid(), logFile);
        return this;
    }

    synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** SIGKILL, and waits until the process is gone. */
    synchronized void kill() {
        if (process == null) {
            return;
        }
        killed = true;
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                log.warn("{} (pid {}) still there 30 s after SIGKILL", name, process.pid());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ALIVE.remove(this);
        log.info("killed {} (pid {})", name, process.pid());
    }

    /** Waits for a child that ends by itself (a tool, not a service) and returns its exit code. */
    int awaitExit(long timeoutSeconds) throws InterruptedException {
        Process running;
        synchronized (this) {
            running = process;
        }
        if (!running.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            kill();
            throw new IllegalStateException(name + " did not end within " + timeoutSeconds + " s; see " + logFile);
        }
        ALIVE.remove(this);
        return running.exitValue();
    }

    /** Fails fast when the child died on its own, not by {@link #kill()} (a crash test must not mistake a dead service for a slow one). */
    synchronized void checkAlive() {
        if (process != null && !killed && !process.isAlive()) {
            throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + logFile);
        }
    }
}
