package io.wabridge.crash;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The verdict of a crash scenario, from what the outside world saw: the webhooks ingress
 * acknowledged, the sends the fake Graph API accepted (in arrival order), the dead letters egress
 * wrote and the calls the fake bot got. Every acknowledged message expects {@link FakeBot#REPLIES}
 * replies, {@code u=<wa_id> n=<sequence> r=<part>}, each either accepted by Graph or dead-lettered.
 *
 * @param lost        expected replies neither accepted nor dead-lettered
 * @param doubled     accepted sends of an outbound id Graph had already accepted
 * @param reissued    accepted sends of a reply Graph had already accepted under another outbound id
 * @param reordered   first sends of a reply that came after a later reply to the same user
 * @param botRepeats  calls of the bot with a message it had already answered
 */
record Tally(int acknowledged, int expectedReplies, int accepted, int deadLettered, int lost, int doubled, int reissued,
             int reordered, int botRepeats, List<String> examples) {

    private static final Pattern REPLY = Pattern.compile("u=(\\d+) n=(\\d+) r=(\\d+)");

    /** A reply as the fake bot wrote it: whose, to which message, which part. */
    record Reply(String waId, int sequence, int part) implements Comparable<Reply> {

        static Reply parse(String text) {
            Matcher matcher = text == null ? null : REPLY.matcher(text);
            return matcher != null && matcher.find()
                    ? new Reply(matcher.group(1), Integer.parseInt(matcher.group(2)), Integer.parseInt(matcher.group(3)))
                    : null;
        }

        @Override
        public int compareTo(Reply other) {
            return sequence != other.sequence ? Integer.compare(sequence, other.sequence) : Integer.compare(part, other.part);
        }
    }

    /** A dead-lettered outbound record: its recipient, its text and egress's reason (one without a reason counts as lost). */
    record DeadLetter(String recipient, String text, String reason) {
    }

    static Tally of(Map<String, Set<Integer>> acknowledged, List<FakeGraph.Send> sends, List<DeadLetter> deadLetters,
            List<FakeBot.Call> botCalls) {
        Set<String> users = acknowledged.keySet();
        List<String> examples = new ArrayList<>();
        Set<String> outboundIds = new HashSet<>();
        Set<Reply> acceptedReplies = new HashSet<>();
        Map<String, Reply> latest = new HashMap<>();
        int accepted = 0;
        int doubled = 0;
        int reissued = 0;
        int reordered = 0;
        for (FakeGraph.Send send : sends) {
            Reply reply = Reply.parse(send.text());
            if (reply == null || !users.contains(reply.waId())) {
                continue; // another scenario's user
            }
            accepted++;
            if (!reply.waId().equals(send.recipient())) {
                examples.add("sent to the wrong user: " + send);
            }
            if (send.outboundId() != null && !outboundIds.add(send.outboundId())) {
                doubled++;
                continue;
            }
            if (!acceptedReplies.add(reply)) {
                reissued++;
                examples.add("same reply under a new outbound id: " + send);
                continue;
            }
            Reply before = latest.get(reply.waId());
            if (before != null && reply.compareTo(before) < 0) {
                reordered++;
                examples.add("out of order for " + reply.waId() + ": " + reply + " after " + before);
            } else {
                latest.put(reply.waId(), reply);
            }
        }
        Set<Reply> deadReplies = new HashSet<>();
        int deadLettered = 0;
        for (DeadLetter letter : deadLetters) {
            Reply reply = Reply.parse(letter.text());
            if (reply != null && users.contains(reply.waId()) && letter.reason() != null && !letter.reason().isBlank()) {
                deadLettered++;
                deadReplies.add(reply);
            }
        }
        int acknowledgedCount = 0;
        int lost = 0;
        for (Map.Entry<String, Set<Integer>> user : acknowledged.entrySet()) {
            for (int sequence : user.getValue()) {
                acknowledgedCount++;
                for (int part = 1; part <= FakeBot.REPLIES; part++) {
                    Reply expected = new Reply(user.getKey(), sequence, part);
                    if (!acceptedReplies.contains(expected) && !deadReplies.contains(expected)) {
                        lost++;
                        if (examples.size() < 20) {
                            examples.add("lost: " + expected);
                        }
                    }
                }
            }
        }
        Set<FakeBot.Call> seen = new HashSet<>();
        int botRepeats = 0;
        for (FakeBot.Call call : botCalls) {
            Reply asked = Reply.parse(call.text() + " r=0");
            if (asked != null && users.contains(asked.waId()) && !seen.add(call)) {
                botRepeats++;
            }
        }
        return new Tally(acknowledgedCount, acknowledgedCount * FakeBot.REPLIES, accepted, deadLettered, lost, doubled, reissued,
                reordered, botRepeats, List.copyOf(examples.subList(0, Math.min(20, examples.size()))));
    }
}
