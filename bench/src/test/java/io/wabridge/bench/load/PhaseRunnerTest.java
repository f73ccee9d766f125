package io.wabridge.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhaseRunnerTest {

    @Test
    void sendsEveryScheduledRequestOfAPhaseTheTargetKeepsUpWith() {
        RecordingTarget target = new RecordingTarget(true);

        PhaseResult result = new PhaseRunner(target).run(LoadPhase.openLoop("step", 2000, 500));

        assertThat(result.scheduled()).isEqualTo(1000);
        assertThat(result.sent()).isEqualTo(1000);
        assertThat(result.ok()).isEqualTo(1000);
        assertThat(result.errors()).isZero();
        assertThat(result.aborted()).isFalse();
        assertThat(result.achievedPerSecond()).isBetween(1800.0, 2100.0);
        assertThat(result.latency().count()).isEqualTo(1000);
    }

    @Test
    void numbersRequestsUniquelyAcrossPhases() {
        RecordingTarget target = new RecordingTarget(true);
        PhaseRunner runner = new PhaseRunner(target);

        runner.run(LoadPhase.openLoop("one", 1000, 100));
        runner.run(LoadPhase.openLoop("two", 1000, 100));

        assertThat(target.sequences).hasSize(200).doesNotHaveDuplicates();
    }

    @Test
    void abortsAPhaseOnceTheBacklogPassesItsLimitAndCountsWhatWasNeverSent() {
        RecordingTarget target = new RecordingTarget(false);

        PhaseResult result = new PhaseRunner(target).run(new LoadPhase("overload", 1000, 5_000, 200, 0, 100));

        assertThat(result.aborted()).isTrue();
        assertThat(result.ok()).isZero();
        assertThat(result.abandoned() + result.sent()).isEqualTo(result.scheduled());
        assertThat(result.timedOut()).isEqualTo(result.sent());
    }

    @Test
    void closedLoopKeepsTheGivenNumberOfRequestsInFlight() {
        RecordingTarget target = new RecordingTarget(true);

        PhaseResult result = new PhaseRunner(target).run(LoadPhase.closedLoop("max", 10, 100));

        assertThat(result.ok()).isPositive().isEqualTo(result.sent());
    }

    /** Completes each request at once with 200, or never (and queues it, so it can be abandoned). */
    private static final class RecordingTarget implements LoadTarget {

        private final boolean answers;
        private final List<Long> sequences = new ArrayList<>();
        private long queued;

        RecordingTarget(boolean answers) {
            this.answers = answers;
        }

        @Override
        public void submit(long sequence, long intendedNanos, Completion completion) {
            sequences.add(sequence);
            if (answers) {
                completion.completed(200, intendedNanos);
            } else {
                queued++;
            }
        }

        @Override
        public long abandonQueued() {
            long dropped = queued / 2;
            queued -= dropped;
            return dropped;
        }

        @Override
        public void close() {
        }
    }
}
