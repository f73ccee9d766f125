package io.wabridge.bench.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThreadCpuTest {

    private static final List<String> DUMP = List.of(
            "2026-12-03 10:00:00",
            "Full thread dump OpenJDK 64-Bit Server VM (17.0.15+6-Debian-1deb12u1 mixed mode, sharing):",
            "\"main\" #1 prio=5 os_prio=0 cpu=699.37ms elapsed=6.54s tid=0x00007fd7bc018040 nid=0x272a waiting on condition  [0x0]",
            "   java.lang.Thread.State: TIMED_WAITING (sleeping)",
            "\"C2 CompilerThread0\" #7 daemon prio=9 os_prio=0 cpu=316.99ms elapsed=6.51s tid=0x0 nid=0x2736 waiting on condition  [0x0]",
            "\"C2 CompilerThread1\" #17 daemon prio=9 os_prio=0 cpu=3.01ms elapsed=2.51s tid=0x0 nid=0x2746 waiting on condition  [0x0]",
            "\"kafka-coordinator-heartbeat-thread | wabridge-egress\" #40 daemon prio=5 os_prio=0 cpu=12.50ms elapsed=60.1s tid=0x0 nid=0x1 in Object.wait()",
            "\"VM Thread\" os_prio=0 cpu=1.38ms elapsed=6.52s tid=0x00007fd7bc0f2190 nid=0x2730 runnable  ",
            "\"Attach Listener\" #12 daemon prio=9 os_prio=0 elapsed=0.10s tid=0x0 nid=0x2876 waiting on condition  [0x0]");

    @Test
    void readsEveryThreadsCpuGroupingPoolsByNameWithoutDigits() {
        Map<String, Double> cpu = ThreadCpu.parse(DUMP);

        assertThat(cpu).containsOnlyKeys("main", "C2 CompilerThreadN", "kafka-coordinator-heartbeat-thread | wabridge-egress", "VM Thread");
        assertThat(cpu.get("C2 CompilerThreadN")).isCloseTo(320.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(cpu.get("VM Thread")).isEqualTo(1.38);
    }

    @Test
    void spentIsTheDifferenceOfTwoDumpsAndNewThreadsCountFromZero() {
        Map<String, Double> spent = ThreadCpu.between(Map.of("main", 100.0, "gone", 5.0), Map.of("main", 130.0, "new", 7.0));

        assertThat(spent).containsOnly(Map.entry("main", 30.0), Map.entry("new", 7.0));
    }

    @Test
    void theJitAndTheGcAreTheirOwnThreadsShares() {
        Map<String, Double> spent = ThreadCpu.parse(List.of(
                "\"C2 CompilerThread0\" #7 daemon prio=9 os_prio=0 cpu=40.00ms elapsed=6.51s tid=0x0 nid=0x1 waiting on condition  [0x0]",
                "\"C1 CompilerThread0\" #8 daemon prio=9 os_prio=0 cpu=2.50ms elapsed=6.51s tid=0x0 nid=0x2 waiting on condition  [0x0]",
                "\"GC Thread#0\" os_prio=0 cpu=11.00ms elapsed=6.52s tid=0x0 nid=0x3 runnable  ",
                "\"GC Thread#1\" os_prio=0 cpu=9.00ms elapsed=6.52s tid=0x0 nid=0x4 runnable  ",
                "\"G1 Conc#0\" os_prio=0 cpu=3.00ms elapsed=6.52s tid=0x0 nid=0x5 runnable  ",
                "\"G1 Refine#0\" os_prio=0 cpu=1.00ms elapsed=6.52s tid=0x0 nid=0x6 runnable  ",
                "\"http-nio-1-exec-1\" #30 daemon prio=5 os_prio=0 cpu=500.00ms elapsed=6.0s tid=0x0 nid=0x7 waiting on condition  [0x0]"));

        assertThat(ThreadCpu.jitMillis(spent)).isEqualTo(42.5);
        assertThat(ThreadCpu.gcMillis(spent)).isEqualTo(24.0);
    }
}
