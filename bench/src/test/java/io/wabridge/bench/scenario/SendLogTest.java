package io.wabridge.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.wabridge.bench.fake.Request;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class SendLogTest {

    private static Request at(long arrivalMicros, String recipient, long sequence) {
        return new Request(arrivalMicros, arrivalMicros + 50_000, "pn", recipient, sequence, -1);
    }

    @Test
    void countsTheBusiestSlidingWindowNotJustAlignedSeconds() {
        // 3 sends late in second 0 and 3 early in second 1: each aligned second holds 3, a sliding one 6
        List<Request> requests = List.of(at(900_000, "a", 0), at(950_000, "a", 1), at(990_000, "a", 2),
                at(1_010_000, "a", 3), at(1_050_000, "a", 4), at(1_100_000, "a", 5), at(2_500_000, "a", 6));
        assertThat(new SendLog(requests).maxInWindow(SendLog.SECOND_MICROS)).isEqualTo(6);
        assertThat(new SendLog(requests).busiestWindowStart(SendLog.SECOND_MICROS)).isEqualTo(900_000);
    }

    @Test
    void windowIsHalfOpenSoSendsExactlyASecondApartAreInDifferentWindows() {
        List<Request> requests = List.of(at(0, "a", 0), at(1_000_000, "a", 1), at(2_000_000, "a", 2));
        assertThat(new SendLog(requests).maxInWindow(SendLog.SECOND_MICROS)).isEqualTo(1);
    }

    @Test
    void steadyRateLeavesOutTheFirstSecond() {
        List<Request> requests = new ArrayList<>();
        // a burst of 50 in the first 10 ms, then exactly 100/s for 4 s
        for (int i = 0; i < 50; i++) {
            requests.add(at(i * 200L, "b", i));
        }
        for (int i = 0; i < 400; i++) {
            requests.add(at(1_000_000 + 10_000L * (i + 1), "c", 1000 + i));
        }
        assertThat(new SendLog(requests).steadyRate(SendLog.SECOND_MICROS)).isBetween(99.0, 101.0);
    }

    @Test
    void findsMessagesThatOvertookEarlierOnesOfTheSameRecipientOnly() {
        List<Request> requests = List.of(at(1, "a", 0), at(2, "b", 5), at(3, "a", 2), at(4, "a", 1), at(5, "b", 6), at(6, "a", 3));
        SendLog log = new SendLog(requests);
        assertThat(log.orderViolations()).isEqualTo(1); // a: 0, 2, 1 (late), 3; b in order
    }

    @Test
    void sortsByArrivalBeforeJudgingOrder() {
        List<Request> requests = List.of(at(30, "a", 2), at(10, "a", 0), at(20, "a", 1));
        assertThat(new SendLog(requests).orderViolations()).isZero();
    }

    @Test
    void countsDuplicatesAndMissing() {
        List<Request> requests = List.of(at(1, "a", 0), at(2, "a", 1), at(3, "a", 1), at(4, "b", 3));
        SendLog log = new SendLog(requests);
        assertThat(log.duplicates()).isEqualTo(1);
        assertThat(log.missing(Set.of(0L, 1L, 2L, 3L, 4L))).isEqualTo(2);
    }

    @Test
    void repliesWithoutASequenceAreUnstampedNotDuplicates() {
        SendLog log = new SendLog(List.of(at(1, "a", 0), at(2, "a", -1), at(3, "b", -1)));

        assertThat(log.duplicates()).isZero();
        assertThat(log.unstamped()).isEqualTo(2);
    }

    @Test
    void gapRunsFromTheAnswerToTheSameRecipientsNextRequest() {
        // answers come 50 ms after arrival; a's next request 1,000 ms after the answer, b's 1,200 ms
        List<Request> requests = List.of(at(0, "a", 0), at(10_000, "b", 1), at(1_050_000, "a", 2), at(1_260_000, "b", 3));
        Histogram gaps = new SendLog(requests).gaps();
        assertThat(gaps.getTotalCount()).isEqualTo(2);
        assertThat(gaps.getMinValue()).isBetween(999_000L, 1_001_000L);
        assertThat(gaps.getMaxValue()).isBetween(1_199_000L, 1_201_000L);
    }

    @Test
    void stampLatencyOnlyCountsStampedRequestsOfTheGivenSequences() {
        List<Request> requests = List.of(
                new Request(1_000_000, 0, "pn", "a", 0, 990_000),
                new Request(2_000_000, 0, "pn", "a", 1, 1_900_000),
                new Request(3_000_000, 0, "pn", "a", 2, -1));
        Histogram latency = new SendLog(requests).stampLatency(1, 3);
        assertThat(latency.getTotalCount()).isEqualTo(1);
        assertThat(latency.getMaxValue()).isBetween(99_900L, 100_100L);
    }

    @Test
    void filtersBySender() {
        List<Request> requests = List.of(new Request(1, 2, "x", "a", 0, -1), new Request(3, 4, "y", "a", 1, -1));
        assertThat(new SendLog(requests).from("y").requests()).extracting(Request::sequence).containsExactly(1L);
    }

    @Test
    void filtersByAnyOfSeveralSenders() {
        List<Request> requests = List.of(new Request(1, 2, "x", "a", 0, -1), new Request(3, 4, "y", "a", 1, -1),
                new Request(5, 6, "z", "a", 2, -1));
        assertThat(new SendLog(requests).fromAny(List.of("x", "z")).requests()).extracting(Request::sequence).containsExactly(0L, 2L);
    }

    @Test
    void heldGapsCountOnlyRepliesAlreadyDueWhenTheRecipientsPreviousOneWasAnswered() {
        SendLog log = new SendLog(List.of(
                new Request(1_000_000, 1_050_000, "pn", "a", 0, 900_000),
                // due at 1.04 s, before the previous answer (1.05 s): held; arrives 0.2 s after that answer
                new Request(1_250_000, 1_300_000, "pn", "a", 1, 1_040_000),
                // due at 4 s, long after the previous answer: not held
                new Request(4_100_000, 4_150_000, "pn", "a", 2, 4_000_000),
                new Request(1_100_000, 1_150_000, "pn", "b", 3, 1_000_000)));

        Histogram held = log.heldGaps();

        assertThat(held.getTotalCount()).isEqualTo(1);
        assertThat(held.getMaxValue()).isBetween(199_900L, 200_100L);
    }
}
