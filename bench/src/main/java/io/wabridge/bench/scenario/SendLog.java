package io.wabridge.bench.scenario;

import io.wabridge.bench.fake.Request;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.HdrHistogram.Histogram;

/**
 * What a fake saw, analysed: send rate, the busiest one-second window, per-recipient order and
 * gaps, lost and duplicated messages. Pure functions of the request list, so they are unit-tested.
 */
final class SendLog {

    static final long SECOND_MICROS = 1_000_000;

    private final List<Request> requests;

    /** @param requests in any order; sorted here by arrival */
    SendLog(List<Request> requests) {
        List<Request> sorted = new ArrayList<>(requests);
        sorted.sort(Comparator.comparingLong(Request::arrivalMicros));
        this.requests = List.copyOf(sorted);
    }

    List<Request> requests() {
        return requests;
    }

    int size() {
        return requests.size();
    }

    /** The most requests that arrived within any window of {@code windowMicros} (half-open, sliding: every start time). */
    int maxInWindow(long windowMicros) {
        int best = 0;
        int start = 0;
        for (int end = 0; end < requests.size(); end++) {
            long endAt = requests.get(end).arrivalMicros();
            while (requests.get(start).arrivalMicros() <= endAt - windowMicros) {
                start++;
            }
            best = Math.max(best, end - start + 1);
        }
        return best;
    }

    /**
     * Requests per second over the steady part: from {@code skipMicros} after the first arrival to
     * the last one (the requests in between, divided by that time). 0 when too short.
     */
    double steadyRate(long skipMicros) {
        if (requests.size() < 2) {
            return 0;
        }
        long from = requests.get(0).arrivalMicros() + skipMicros;
        long to = requests.get(requests.size() - 1).arrivalMicros();
        if (to <= from) {
            return 0;
        }
        long inside = requests.stream().filter(request -> request.arrivalMicros() > from).count();
        return inside * (double) SECOND_MICROS / (to - from);
    }

    /**
     * Requests that reached the fake after a later message of the same recipient (by sequence
     * number): each such request counts once.
     */
    long orderViolations() {
        Map<String, Long> highest = new HashMap<>();
        long violations = 0;
        for (Request request : requests) {
            Long before = highest.get(request.recipient());
            if (before != null && request.sequence() < before) {
                violations++;
            } else {
                highest.put(request.recipient(), request.sequence());
            }
        }
        return violations;
    }

    /** Requests whose sequence number arrived before (sent twice); requests without one are {@link #unstamped()}. */
    long duplicates() {
        Set<Long> seen = new HashSet<>();
        return requests.stream().filter(request -> request.sequence() >= 0 && !seen.add(request.sequence())).count();
    }

    /** Requests whose text carried no sequence number: not the load's (end to end: the processor's fallback text). */
    long unstamped() {
        return requests.stream().filter(request -> request.sequence() < 0).count();
    }

    /** How many of {@code expected} never arrived. */
    long missing(Set<Long> expected) {
        Set<Long> left = new HashSet<>(expected);
        requests.forEach(request -> left.remove(request.sequence()));
        return left.size();
    }

    /**
     * Per recipient, in arrival order: from the fake's answer to one request to the arrival of
     * the recipient's next one, in µs. That is what egress's pacing controls in {@code accepted}
     * mode (message delay counted from Graph's answer); the loopback hop back is inside it.
     */
    Histogram gaps() {
        Histogram gaps = new Histogram(3);
        Map<String, Request> previous = new HashMap<>();
        for (Request request : requests) {
            Request before = previous.put(request.recipient(), request);
            if (before != null) {
                gaps.recordValue(Math.max(0, request.arrivalMicros() - before.answerMicros()));
            }
        }
        return gaps;
    }

    /**
     * Like {@link #gaps()}, but only for requests that were already on their way when the fake
     * answered the recipient's previous one (stamped intended send time before that answer): how
     * long a reply waited behind its predecessor, which {@code delivered} ordering stretches by the
     * status round trip.
     */
    Histogram heldGaps() {
        Histogram gaps = new Histogram(3);
        Map<String, Request> previous = new HashMap<>();
        for (Request request : requests) {
            Request before = previous.put(request.recipient(), request);
            if (before != null && request.stampMicros() >= 0 && request.stampMicros() < before.answerMicros()) {
                gaps.recordValue(Math.max(0, request.arrivalMicros() - before.answerMicros()));
            }
        }
        return gaps;
    }

    /** From the stamped intended send time to the arrival at the fake, in µs; requests without a stamp are left out. */
    Histogram stampLatency(long fromSequence, long toSequence) {
        Histogram latency = new Histogram(3);
        requests.stream()
                .filter(request -> request.stampMicros() >= 0 && request.sequence() >= fromSequence && request.sequence() < toSequence)
                .forEach(request -> latency.recordValue(Math.max(0, request.arrivalMicros() - request.stampMicros())));
        return latency;
    }

    /** Only the requests with sequence numbers in {@code [fromSequence, toSequence)}: one phase's load. */
    SendLog between(long fromSequence, long toSequence) {
        return new SendLog(requests.stream()
                .filter(request -> request.sequence() >= fromSequence && request.sequence() < toSequence).toList());
    }

    /** Time from the first to the last arrival, in µs (0 when fewer than two). */
    long spanMicros() {
        return requests.size() < 2 ? 0 : requests.get(requests.size() - 1).arrivalMicros() - requests.get(0).arrivalMicros();
    }

    /** Writes every request, one {@link Request#line()} each in arrival order, for a look after the run. */
    void writeTo(Path file) throws IOException {
        Files.write(file, requests.stream().map(Request::line).toList());
    }

    /** Start (µs) of the first window of {@code windowMicros} holding {@link #maxInWindow} requests; -1 when empty. */
    long busiestWindowStart(long windowMicros) {
        int best = maxInWindow(windowMicros);
        int start = 0;
        for (int end = 0; end < requests.size(); end++) {
            long endAt = requests.get(end).arrivalMicros();
            while (requests.get(start).arrivalMicros() <= endAt - windowMicros) {
                start++;
            }
            if (end - start + 1 == best) {
                return requests.get(start).arrivalMicros();
            }
        }
        return -1;
    }

    /** Only the requests of these senders (phone number ids). */
    SendLog fromAny(Collection<String> senders) {
        Set<String> wanted = Set.copyOf(senders);
        return new SendLog(requests.stream().filter(request -> wanted.contains(request.sender())).toList());
    }

    /** Only the requests of one sender (a phone number id). */
    SendLog from(String sender) {
        return new SendLog(requests.stream().filter(request -> request.sender().equals(sender)).toList());
    }
}
