package io.wabridge.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The crash suite's checks can fail: the verdict of a clean run, and of the same run with one
 * recorded send dropped, two swapped, one sent twice, one dead-lettered, one turn run twice.
 */
class TallyTest {

    private static final String ANNA = "491500000001";
    private static final String BEN = "491500000002";
    private static final Map<String, Set<Integer>> ACKNOWLEDGED = Map.of(ANNA, Set.of(1, 2), BEN, Set.of(1));

    @Test
    void everyReplyOnceAndInOrderIsClean() {
        Tally tally = Tally.of(ACKNOWLEDGED, cleanSends(), List.of(), calls());

        assertThat(tally.acknowledged()).isEqualTo(3);
        assertThat(tally.expectedReplies()).isEqualTo(6);
        assertThat(tally.accepted()).isEqualTo(6);
        assertThat(List.of(tally.lost(), tally.doubled(), tally.reissued(), tally.reordered(), tally.botRepeats()))
                .containsOnly(0);
    }

    @Test
    void oneDroppedSendIsOneLoss() {
        List<FakeGraph.Send> sends = new ArrayList<>(cleanSends());
        sends.remove(3);

        Tally tally = Tally.of(ACKNOWLEDGED, sends, List.of(), calls());

        assertThat(tally.lost()).isEqualTo(1);
        assertThat(tally.examples()).containsExactly("lost: Reply[waId=" + ANNA + ", sequence=2, part=1]");
    }

    @Test
    void aDeadLetterWithAReasonIsNoLossButOneWithoutIs() {
        List<FakeGraph.Send> sends = new ArrayList<>(cleanSends());
        sends.remove(3);

        Tally withReason = Tally.of(ACKNOWLEDGED, sends, List.of(new Tally.DeadLetter(ANNA, text(ANNA, 2, 1), "gave up after 8 attempts")),
                calls());
        Tally withoutReason = Tally.of(ACKNOWLEDGED, sends, List.of(new Tally.DeadLetter(ANNA, text(ANNA, 2, 1), null)), calls());

        assertThat(withReason.lost()).isZero();
        assertThat(withReason.deadLettered()).isEqualTo(1);
        assertThat(withoutReason.lost()).isEqualTo(1);
    }

    @Test
    void swappedRepliesToOneUserAreAReordering() {
        List<FakeGraph.Send> sends = new ArrayList<>(cleanSends());
        FakeGraph.Send first = sends.get(0);
        sends.set(0, sends.get(1));
        sends.set(1, first);

        Tally tally = Tally.of(ACKNOWLEDGED, sends, List.of(), calls());

        assertThat(tally.reordered()).isEqualTo(1);
        assertThat(tally.lost()).isZero();
    }

    @Test
    void theSameOutboundIdAcceptedTwiceIsADoubleNotAReordering() {
        List<FakeGraph.Send> sends = new ArrayList<>(cleanSends());
        sends.add(4, sends.get(3));

        Tally tally = Tally.of(ACKNOWLEDGED, sends, List.of(), calls());

        assertThat(tally.doubled()).isEqualTo(1);
        assertThat(tally.accepted()).isEqualTo(7);
        assertThat(tally.reordered()).isZero();
    }

    @Test
    void theSameReplyUnderANewOutboundIdIsAReissue() {
        List<FakeGraph.Send> sends = new ArrayList<>(cleanSends());
        sends.add(new FakeGraph.Send(99, ANNA, "other-id", text(ANNA, 1, 1)));

        assertThat(Tally.of(ACKNOWLEDGED, sends, List.of(), calls()).reissued()).isEqualTo(1);
    }

    @Test
    void aMessageTheBotSawTwiceIsABotSideDuplicate() {
        List<FakeBot.Call> calls = new ArrayList<>(calls());
        calls.add(calls.get(0));

        assertThat(Tally.of(ACKNOWLEDGED, cleanSends(), List.of(), calls).botRepeats()).isEqualTo(1);
    }

    @Test
    void otherScenariosUsersAreNotCounted() {
        List<FakeGraph.Send> sends = new ArrayList<>(cleanSends());
        sends.add(new FakeGraph.Send(99, "491599999999", "x", text("491599999999", 1, 1)));

        assertThat(Tally.of(ACKNOWLEDGED, sends, List.of(), calls()).accepted()).isEqualTo(6);
    }

    /** Anna's two messages and Ben's one, two replies each, interleaved across users but in order per user. */
    private static List<FakeGraph.Send> cleanSends() {
        return List.of(send(0, ANNA, 1, 1), send(1, ANNA, 1, 2), send(2, BEN, 1, 1), send(3, ANNA, 2, 1), send(4, BEN, 1, 2),
                send(5, ANNA, 2, 2));
    }

    private static List<FakeBot.Call> calls() {
        return List.of(new FakeBot.Call("p:" + ANNA, Users.text(ANNA, 1)), new FakeBot.Call("p:" + ANNA, Users.text(ANNA, 2)),
                new FakeBot.Call("p:" + BEN, Users.text(BEN, 1)));
    }

    private static FakeGraph.Send send(long order, String waId, int sequence, int part) {
        return new FakeGraph.Send(order, waId, waId + "-" + sequence + "-" + part, text(waId, sequence, part));
    }

    private static String text(String waId, int sequence, int part) {
        return Users.text(waId, sequence) + " r=" + part;
    }
}
