package io.wabridge.egress.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecentSendsTest {

    @Test
    void evictsTheOldestSendBeyondTheBound() {
        RecentSends sends = new RecentSends(2);
        sends.add("a");
        sends.add("b");
        sends.add("c");

        assertThat(sends.contains("a")).isFalse();
        assertThat(sends.contains("b")).isTrue();
        assertThat(sends.contains("c")).isTrue();
        assertThat(sends.size()).isEqualTo(2);
    }
}
