package io.wabridge.bench.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CPU time per thread of a live JVM, from a thread dump ({@code jcmd <pid> Thread.print}): since
 * JDK 11 every thread's line, the JVM's own (compiler, GC) included, says {@code cpu=<ms>}. Two
 * dumps a span apart say which threads spent a process's CPU, with no agent or recorder running
 * in between (a flight recording costs the process about as much as an idle service spends).
 * Threads are grouped by name with numbers as {@code N} ({@code C2 CompilerThreadN},
 * {@code http-nio-N-exec-N}; a digit right after a letter stays: {@code C2}, {@code G1}), so a pool is one line.
 */
public final class ThreadCpu {

    private static final Pattern THREAD = Pattern.compile("^\"(.*)\" .*?cpu=([0-9.]+)ms");
    private static final Pattern DIGITS = Pattern.compile("(?<![A-Za-z])\\d+|\\d+$");

    private ThreadCpu() {
    }

    /** CPU milliseconds so far by thread group; empty when the dump fails. */
    public static Map<String, Double> of(long pid) throws InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process dump = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "Thread.print").redirectErrorStream(true).start();
            byte[] out = dump.getInputStream().readAllBytes();
            if (!dump.waitFor(30, TimeUnit.SECONDS) || dump.exitValue() != 0) {
                return Map.of();
            }
            return parse(new String(out, StandardCharsets.UTF_8).lines().toList());
        } catch (IOException e) {
            return Map.of();
        }
    }

    static Map<String, Double> parse(List<String> lines) {
        Map<String, Double> byGroup = new HashMap<>();
        for (String line : lines) {
            Matcher matcher = THREAD.matcher(line);
            if (matcher.find()) {
                byGroup.merge(group(matcher.group(1)), Double.parseDouble(matcher.group(2)), Double::sum);
            }
        }
        return byGroup;
    }

    static String group(String threadName) {
        return DIGITS.matcher(threadName).replaceAll("N");
    }

    /** Milliseconds of {@code spent} (a {@link #between} result) on the JIT compiler threads (C1, C2). */
    public static double jitMillis(Map<String, Double> spent) {
        return spent.entrySet().stream().filter(entry -> entry.getKey().matches("C[12] CompilerThreadN"))
                .mapToDouble(Map.Entry::getValue).sum();
    }

    /** Milliseconds of {@code spent} on the garbage collector's threads (G1's workers, marker, refinement, service). */
    public static double gcMillis(Map<String, Double> spent) {
        return spent.entrySet().stream().filter(entry -> entry.getKey().startsWith("GC Thread") || entry.getKey().startsWith("G1 "))
                .mapToDouble(Map.Entry::getValue).sum();
    }

    /** What each group spent between two dumps, in ms; a thread gone by the second dump is not counted. */
    public static Map<String, Double> between(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> spent = new HashMap<>();
        after.forEach((group, millis) -> spent.put(group, Math.max(0, millis - before.getOrDefault(group, 0.0))));
        return spent;
    }
}
