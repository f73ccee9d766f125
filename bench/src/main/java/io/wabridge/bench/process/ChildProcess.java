package io.wabridge.bench.process;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A child JVM started by the harness: same {@code java}, same classpath, its own heap limit.
 * Stopping it closes its standard input (the child exits by itself, writing its heap stats),
 * and only if that does not work within a while, kills it.
 */
public final class ChildProcess {

    private static final Logger log = LoggerFactory.getLogger(ChildProcess.class);
    /** Logging of every child; Spring Boot children get it as {@code logging.config} too. */
    public static final String LOGGING = "bench-logback.xml";
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final ChildSpec spec;
    private final Process process;
    private final Path statsDir;
    private final Path logFile;
    private final BufferedReader protocolIn;
    private ProcessStats stopped;

    private ChildProcess(ChildSpec spec, Process process, Path statsDir, Path logFile) {
        this.spec = spec;
        this.process = process;
        this.statsDir = statsDir;
        this.logFile = logFile;
        this.protocolIn = spec.protocol()
                ? new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))
                : null;
    }

    /**
     * @param flightRecording also record a Java Flight Recording ({@code settings=profile}) into
     *                        {@code logs/<name>.jfr}, to see where the CPU goes
     */
    public static ChildProcess start(ChildSpec spec, Path runDir, boolean flightRecording) throws IOException {
        Path logs = Files.createDirectories(runDir.resolve("logs"));
        Path statsDir = Files.createDirectories(runDir.resolve("stats"));
        Path logFile = logs.resolve(spec.name() + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + spec.maxHeap());
        command.add("-XX:+ExitOnOutOfMemoryError");
        // The harness's logging set-up (bench-logback.xml: standard error, Kafka at WARN), in every child.
        command.add("-Dlogback.configurationFile=" + LOGGING);
        if (flightRecording) {
            command.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                    + logs.resolve(spec.name() + ".jfr").toAbsolutePath());
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(spec.mainClass());
        command.addAll(spec.args());
        command.add("--" + ChildSide.NAME + "=" + spec.name());
        command.add("--" + ChildSide.STATS_DIR + "=" + statsDir.toAbsolutePath());
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        if (!spec.protocol()) {
            builder.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        }
        Process process = builder.start();
        log.info("started {} (pid {}, -Xmx{}), log {}", spec.name(), process.pid(), spec.maxHeap(), logFile);
        return new ChildProcess(spec, process, statsDir, logFile);
    }

    public String name() {
        return spec.name();
    }

    /** Waits until the child says it is up; fails early if it dies. */
    public void awaitReady(Duration timeout) throws IOException, InterruptedException {
        Path ready = statsDir.resolve(spec.name() + ".ready");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Files.exists(ready)) {
            if (!process.isAlive()) {
                throw new IOException(spec.name() + " exited with " + process.exitValue() + " before it was ready; see " + logFile);
            }
            if (System.nanoTime() > deadline) {
                throw new IOException(spec.name() + " not ready within " + timeout + "; see " + logFile);
            }
            Thread.sleep(100);
        }
    }

    /** Protocol children: writes one line to the child's standard input. */
    public void send(String line) throws IOException {
        OutputStream in = process.getOutputStream();
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    /** Protocol children: the next line of standard output that starts with {@code prefix} (others are logged). */
    public String awaitLine(String prefix) throws IOException {
        String line;
        while ((line = protocolIn.readLine()) != null) {
            if (line.startsWith(prefix)) {
                return line.substring(prefix.length());
            }
            log.info("{}: {}", spec.name(), line);
        }
        throw new IOException(spec.name() + " ended its output without '" + prefix.trim() + "'; see " + logFile);
    }

    /** User + system CPU time used so far, in seconds (0 where the platform does not say). */
    public double cpuSeconds() {
        return process.info().totalCpuDuration().map(duration -> duration.toNanos() / 1e9).orElse(0.0);
    }

    /** CPU milliseconds so far of each thread group (see {@link ThreadCpu}); empty when the dump fails. */
    public Map<String, Double> threadCpuMillis() throws InterruptedException {
        return ThreadCpu.of(process.pid());
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Stops the child (idempotent) and returns what it used. */
    public synchronized ProcessStats stop() throws InterruptedException {
        if (stopped != null) {
            return stopped;
        }
        double rss = PeakRss.ofPid(process.pid());
        double cpu = cpuSeconds();
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            log.debug("closing {}'s standard input", spec.name(), e);
        }
        if (!process.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
            log.warn("{} did not stop within {}: killing it", spec.name(), STOP_GRACE);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        stopped = new ProcessStats(spec.name(), process.pid(), rss, cpu, readHeap());
        return stopped;
    }

    private HeapStats readHeap() {
        Path file = statsDir.resolve(spec.name() + ".stats.json");
        if (!Files.exists(file)) {
            return null;
        }
        try {
            return new ObjectMapper().readValue(file.toFile(), HeapStats.class);
        } catch (IOException e) {
            log.warn("unreadable heap stats of {}", spec.name(), e);
            return null;
        }
    }
}
