package io.wabridge.bench.fake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StampTest {

    @Test
    void readsBackWhatItWrote() {
        assertThat(Stamp.parse(Stamp.text(42, 1_750_000_000_123_456L, "Hello there"))).isEqualTo(new Stamp(42, 1_750_000_000_123_456L));
    }

    @Test
    void timeIsOptional() {
        assertThat(Stamp.parse(Stamp.text(7, -1, "Hi"))).isEqualTo(new Stamp(7, -1));
    }

    @Test
    void textWithoutMarksHasNone() {
        assertThat(Stamp.parse("Sorry, something went wrong")).isEqualTo(Stamp.NONE);
        assertThat(Stamp.parse(null)).isEqualTo(Stamp.NONE);
        assertThat(Stamp.parse("n=abc")).isEqualTo(Stamp.NONE);
    }

    @Test
    void requestLinesRoundTrip() {
        Request request = new Request(1, 2, "100000000000001", "491520000001", 3, -1);
        assertThat(Request.parse(request.line())).isEqualTo(request);
    }
}
