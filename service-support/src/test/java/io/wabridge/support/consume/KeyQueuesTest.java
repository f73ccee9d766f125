package io.wabridge.support.consume;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeyQueuesTest {

    private final KeyQueues<String> queues = new KeyQueues<>();

    @Test
    void runsOneKeyInOrderAndOthersWithoutWaiting() {
        assertThat(queues.add("A", "a1")).as("an idle key starts at once").isTrue();
        assertThat(queues.add("A", "a2")).as("a2 waits for a1").isFalse();
        assertThat(queues.add("B", "b1")).as("b1 waits for no other key").isTrue();

        assertThat(queues.next("B", "b1")).isNull();
        assertThat(queues.next("A", "a1")).isEqualTo("a2");
        assertThat(queues.next("A", "a2")).isNull();
    }

    @Test
    void forgetsAKeyOnceItHasNoWork() {
        queues.add("A", "a1");
        assertThat(queues.busy("A")).isTrue();
        assertThat(queues.size()).isEqualTo(1);

        queues.next("A", "a1");

        assertThat(queues.busy("A")).isFalse();
        assertThat(queues.size()).isZero();
    }

    @Test
    void aStaleHeadReleasesNothing() {
        queues.add("A", "a1");
        queues.next("A", "a1");
        queues.add("A", "a2");
        queues.add("A", "a3");

        // a1 finishing late (its partition was handed over meanwhile) must not start a3 beside a2.
        assertThat(queues.next("A", "a1")).isNull();
        assertThat(queues.next("A", "a2")).isEqualTo("a3");
    }

    @Test
    void dropsOnlyWaitingRecordsOfRevokedPartitionsAndLetsTheRunningOneFinish() {
        queues.add("A", "p0-a1");
        queues.add("A", "p0-a2");
        queues.add("A", "p1-a3");
        queues.add("B", "p0-b1");

        assertThat(queues.removeWaiting(entry -> entry.startsWith("p0"))).containsExactly("p0-a2");

        assertThat(queues.next("A", "p0-a1")).isEqualTo("p1-a3");
        assertThat(queues.busy("B")).as("b1 runs on").isTrue();
    }
}
