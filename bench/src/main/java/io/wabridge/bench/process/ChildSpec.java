package io.wabridge.bench.process;

import java.util.List;

/**
 * A child JVM to start from the harness's classpath.
 *
 * @param name       unique in a run: names its log, ready and stats files
 * @param mainClass  its {@code main}
 * @param maxHeap    {@code -Xmx} value, e.g. {@code 256m}
 * @param args       its arguments
 * @param protocol   true when standard output is a protocol the harness reads (the load
 *                   generator); otherwise it goes to the log file with standard error
 */
public record ChildSpec(String name, String mainClass, String maxHeap, List<String> args, boolean protocol) {

    public ChildSpec {
        args = List.copyOf(args);
    }
}
