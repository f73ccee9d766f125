package io.wabridge.bench.scenario;

import io.wabridge.bench.load.PhaseResult;
import io.wabridge.bench.report.Format;
import java.util.ArrayList;
import java.util.List;

/**
 * When an open-loop step counts as sustained: the target answered (almost) everything, in time,
 * without a backlog building up. Past its capacity an open-loop system's latency grows without
 * bound, so the p99 limit separates "keeps up" from "falls behind" sharply.
 *
 * @param p99LimitMs       p99 latency (from intended send time) at most this
 * @param maxErrorRatio    non-2xx answers, failures and timeouts at most this share of requests
 * @param minAchievedRatio answers per second at least this share of the offered rate
 */
public record Sustainability(double p99LimitMs, double maxErrorRatio, double minAchievedRatio) {

    public static final Sustainability DEFAULT = new Sustainability(100, 0.001, 0.95);

    public boolean sustained(PhaseResult step) {
        return problems(step).isEmpty();
    }

    /** Why a step is not sustained; empty when it is. */
    public List<String> problems(PhaseResult step) {
        List<String> problems = new ArrayList<>();
        if (step.aborted()) {
            problems.add("aborted: the backlog grew past its limit");
        }
        if (step.latency().p99() > p99LimitMs) {
            problems.add("p99 " + Format.number(step.latency().p99()) + " ms > " + Format.number(p99LimitMs) + " ms");
        }
        if (step.errorRatio() > maxErrorRatio) {
            problems.add(step.errors() + " errors of " + step.sent() + " requests");
        }
        if (step.ratePerSecond() > 0 && step.achievedPerSecond() < minAchievedRatio * step.ratePerSecond()) {
            problems.add("achieved " + Format.number(step.achievedPerSecond()) + "/s of " + Format.number(step.ratePerSecond()) + "/s");
        }
        return problems;
    }
}
