package io.wabridge.support.consume;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OffsetTrackerTest {

    @Test
    void commitsOnlyUpToTheLowestUnfinishedRecord() {
        OffsetTracker offsets = new OffsetTracker(10);
        offsets.polled(10);
        offsets.polled(11);
        offsets.polled(12);

        offsets.finished(11);
        offsets.finished(12);
        assertThat(offsets.committable()).isEqualTo(10);
        assertThat(offsets.needsCommit()).isFalse();

        offsets.finished(10);
        assertThat(offsets.committable()).isEqualTo(13);
        assertThat(offsets.needsCommit()).isTrue();
    }

    @Test
    void remembersWhatWasCommitted() {
        OffsetTracker offsets = new OffsetTracker(0);
        offsets.polled(0);
        offsets.finished(0);
        offsets.committed(1);

        assertThat(offsets.needsCommit()).isFalse();
        offsets.polled(1);
        offsets.polled(2);
        offsets.finished(1);
        assertThat(offsets.committable()).isEqualTo(2);
        assertThat(offsets.unfinished()).isEqualTo(1);
    }

    @Test
    void anAbandonedRecordHoldsTheCommitWhateverFinishesAfterIt() {
        OffsetTracker offsets = new OffsetTracker(0);
        offsets.polled(0);
        offsets.polled(1);
        offsets.polled(2);
        // offset 0 is abandoned: never finished
        offsets.finished(1);
        offsets.finished(2);

        assertThat(offsets.committable()).isZero();
        assertThat(offsets.needsCommit()).isFalse();
    }

    @Test
    void withNothingPolledTheStartPositionIsCommittable() {
        OffsetTracker offsets = new OffsetTracker(42);

        assertThat(offsets.committable()).isEqualTo(42);
        assertThat(offsets.needsCommit()).isFalse();
    }
}
