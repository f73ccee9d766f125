package io.wabridge.bench.load;

import java.util.Map;

/**
 * What one phase did.
 *
 * @param scheduled         requests the phase was meant to send (rate × duration; closed loop: sent)
 * @param sent              requests handed to the target
 * @param ok                2xx answers (HTTP) or acknowledged records (Kafka)
 * @param failed            I/O errors, timeouts, failed sends
 * @param otherStatuses     non-2xx HTTP answers by status
 * @param abandoned         scheduled but never sent, because the phase was aborted
 * @param timedOut          still outstanding when the drain time ran out
 * @param aborted           the backlog grew past the phase's limit: the target could not keep up
 * @param achievedPerSecond ok answers per second, from the first intended send to the last answer
 * @param latency           successful requests, from intended send time to answer
 */
public record PhaseResult(String name, double ratePerSecond, long durationMillis, long scheduled, long sent,
        long ok, long failed, Map<Integer, Long> otherStatuses, long abandoned, long timedOut, boolean aborted,
        double achievedPerSecond, LatencySummary latency) {

    /** Requests that did not end in a 2xx among those sent. */
    public long errors() {
        return failed + timedOut + otherStatuses.values().stream().mapToLong(Long::longValue).sum();
    }

    public double errorRatio() {
        return sent == 0 ? 0 : (double) errors() / sent;
    }

    /** 4xx answers: the harness sent something the service rejects, so every figure would be wrong. */
    public long clientErrors() {
        return otherStatuses.entrySet().stream()
                .filter(entry -> entry.getKey() >= 400 && entry.getKey() < 500)
                .mapToLong(Map.Entry::getValue).sum();
    }
}
