package io.wabridge.egress.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PartitionOffsetsTest {

    @Test
    void commitsOnlyUpToTheLowestUnfinishedRecord() {
        PartitionOffsets offsets = new PartitionOffsets(10);
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
        PartitionOffsets offsets = new PartitionOffsets(0);
        offsets.polled(0);
        offsets.finished(0);
        offsets.committed(1);

        assertThat(offsets.needsCommit()).isFalse();
        offsets.polled(1);
        offsets.polled(2);
        offsets.finished(1);
        assertThat(offsets.committable()).isEqualTo(2);
        assertThat(offsets.unfinishedCount()).isEqualTo(1);
    }

    @Test
    void withNothingPolledTheStartPositionIsCommittable() {
        PartitionOffsets offsets = new PartitionOffsets(42);

        assertThat(offsets.committable()).isEqualTo(42);
        assertThat(offsets.needsCommit()).isFalse();
    }
}
