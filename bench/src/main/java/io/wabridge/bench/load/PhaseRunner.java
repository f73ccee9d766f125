package io.wabridge.bench.load;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one {@link LoadPhase} against a {@link LoadTarget}: open loop on the phase's schedule, or
 * closed loop with a bounded number of requests in flight. Sequence numbers keep counting across
 * phases so every request of a generator's life is unique.
 */
public final class PhaseRunner {

    private static final Logger log = LoggerFactory.getLogger(PhaseRunner.class);
    private static final long MAX_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long BRIEF_PARK_NANOS = TimeUnit.MICROSECONDS.toNanos(50);

    private final LoadTarget target;
    private long nextSequence;

    public PhaseRunner(LoadTarget target) {
        this.target = target;
    }

    public PhaseResult run(LoadPhase phase) {
        PhaseTally tally = new PhaseTally();
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1);
        Progress progress = phase.isOpenLoop() ? openLoop(phase, tally, start) : closedLoop(phase, tally, start);
        long timedOut = drain(phase, tally, progress.sent() - progress.abandoned());
        long answered = tally.ok();
        long end = Math.max(tally.lastCompletionNanos(), start + 1);
        double achieved = answered * 1e9 / Math.max(end - start, TimeUnit.MILLISECONDS.toNanos(phase.durationMillis()));
        PhaseResult result = new PhaseResult(phase.name(), phase.ratePerSecond(), phase.durationMillis(),
                progress.scheduled(), progress.sent() - progress.abandoned(), answered, tally.failed(),
                tally.otherStatuses(), progress.abandoned() + progress.scheduled() - progress.sent(), timedOut,
                progress.aborted(), achieved, tally.latency());
        log.info("{}: {} ok of {} sent, {} errors, achieved {}/s, p99 {} ms{}", phase.name(), result.ok(), result.sent(),
                result.errors(), Math.round(achieved), result.latency().p99(), result.aborted() ? " (aborted: backlog)" : "");
        return result;
    }

    private Progress openLoop(LoadPhase phase, PhaseTally tally, long start) {
        OpenLoopSchedule schedule = OpenLoopSchedule.of(start, phase.ratePerSecond(), phase.durationMillis());
        long backlogLimit = Math.max(100, (long) (phase.ratePerSecond() * phase.maxBacklogMillis() / 1000.0));
        long index = 0;
        while (index < schedule.count()) {
            long due = schedule.dueBy(System.nanoTime());
            for (; index < due; index++) {
                target.submit(nextSequence++, schedule.intendedNanos(index), tally);
            }
            if (index - tally.completed() > backlogLimit) {
                long abandoned = target.abandonQueued();
                return new Progress(schedule.count(), index, abandoned, true);
            }
            if (index < schedule.count()) {
                long wait = schedule.intendedNanos(index) - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(Math.min(wait, MAX_PARK_NANOS));
                }
            }
        }
        return new Progress(schedule.count(), index, 0, false);
    }

    private Progress closedLoop(LoadPhase phase, PhaseTally tally, long start) {
        long end = start + TimeUnit.MILLISECONDS.toNanos(phase.durationMillis());
        long sent = 0;
        long now;
        while ((now = System.nanoTime()) < end) {
            if (sent - tally.completed() < phase.maxOutstanding()) {
                target.submit(nextSequence++, now, tally);
                sent++;
            } else {
                LockSupport.parkNanos(BRIEF_PARK_NANOS);
            }
        }
        return new Progress(sent, sent, 0, false);
    }

    /** Waits for the outstanding requests; returns how many did not finish in the drain time. */
    private static long drain(LoadPhase phase, PhaseTally tally, long sent) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(phase.drainMillis());
        while (tally.completed() < sent && System.nanoTime() < deadline) {
            LockSupport.parkNanos(MAX_PARK_NANOS);
        }
        return Math.max(0, sent - tally.completed());
    }

    private record Progress(long scheduled, long sent, long abandoned, boolean aborted) {
    }
}
