package io.wabridge.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OpenLoopScheduleTest {

    @Test
    void spacesRequestsEvenlyFromTheStartWhateverHappensToThem() {
        OpenLoopSchedule schedule = OpenLoopSchedule.of(1_000, 1000, 2_000);

        assertThat(schedule.count()).isEqualTo(2000);
        assertThat(schedule.intendedNanos(0)).isEqualTo(1_000);
        assertThat(schedule.intendedNanos(1)).isEqualTo(1_001_000);
        assertThat(schedule.intendedNanos(1999)).isEqualTo(1_999_001_000L);
    }

    @Test
    void countsTheRequestsDueAtAnyMoment() {
        OpenLoopSchedule schedule = OpenLoopSchedule.of(0, 3, 1_000);

        assertThat(schedule.dueBy(-1)).isZero();
        assertThat(schedule.dueBy(0)).isEqualTo(1);
        assertThat(schedule.dueBy(333_333_332)).isEqualTo(1);
        assertThat(schedule.dueBy(333_333_333)).isEqualTo(2);
        assertThat(schedule.dueBy(666_666_667)).isEqualTo(3);
        assertThat(schedule.dueBy(10_000_000_000L)).isEqualTo(3);
    }

    @Test
    void dueRequestsAreExactlyThoseWhoseTimeHasCome() {
        OpenLoopSchedule schedule = OpenLoopSchedule.of(17, 7_919, 1_000);
        for (long now = 0; now < 1_000_000_000L; now += 12_345_67) {
            long due = schedule.dueBy(now);
            if (due > 0) {
                assertThat(schedule.intendedNanos(due - 1)).isLessThanOrEqualTo(now);
            }
            if (due < schedule.count()) {
                assertThat(schedule.intendedNanos(due)).isGreaterThan(now);
            }
        }
    }

    @Test
    void rejectsANonPositiveRate() {
        assertThatThrownBy(() -> OpenLoopSchedule.of(0, 0, 1_000)).isInstanceOf(IllegalArgumentException.class);
    }
}
