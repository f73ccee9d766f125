package io.wabridge.egress.dispatch;

import io.wabridge.model.privacy.Masking;
import io.wabridge.support.privacy.LogMasking;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Key-level concurrency: one {@link Lane} per conversation key. Records of one key run in
 * order; records of different keys never wait for each other, whatever partition they share.
 * A lane exists while it has work or pacing to remember, so memory follows the active
 * recipients, not all recipients ever seen.
 */
final class Lanes {

    private static final Logger log = LoggerFactory.getLogger(Lanes.class);

    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();
    private final JobHandler handler;
    private final Executor worker;

    Lanes(JobHandler handler, Executor worker) {
        this.handler = handler;
        this.worker = worker;
    }

    void submit(String key, Job job, Completion completion) {
        boolean[] start = new boolean[1];
        // compute() makes "add to the lane" and "forget an idle lane" atomic per key.
        Lane lane = lanes.compute(key, (k, existing) -> {
            Lane target = existing != null ? existing : new Lane();
            start[0] = target.add(new Lane.Entry(job, completion));
            return target;
        });
        if (start[0]) {
            worker.execute(() -> runNext(key, lane));
        }
    }

    int size() {
        return lanes.size();
    }

    private void runNext(String key, Lane lane) {
        for (Lane.Entry entry = lane.next(); entry != null; entry = lane.next()) {
            if (entry.job().isRevoked()) {
                entry.completion().abandoned(); // another instance owns it now: it sends it, this offset is not ours to commit
                continue;
            }
            Lane.Entry current = entry;
            start(current.job(), lane.gate()).whenCompleteAsync((handled, failure) -> {
                if (failure != null) {
                    Masking masking = LogMasking.of(current.job().endpoint());
                    log.error("outbound {} for {}: outcome not recorded, its offset stays uncommitted",
                            current.job().message().outboundId(), masking.key(key), LogMasking.throwable(masking, failure));
                    current.completion().abandoned();
                } else {
                    if (handled.nextGate() != null) {
                        lane.gate(handled.nextGate());
                    }
                    if (handled.handedOver()) {
                        current.completion().abandoned();
                    } else {
                        current.completion().finished();
                    }
                }
                runNext(key, lane);
            }, worker);
            return;
        }
        retire(key, lane);
    }

    private CompletableFuture<JobHandler.Handled> start(Job job, CompletableFuture<Void> gate) {
        try {
            return handler.handle(job, gate);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Forgets the lane once idle; while its gate is closed, it stays so the next message still waits. */
    private void retire(String key, Lane lane) {
        lane.gate().whenComplete((ignored, failure) -> lanes.computeIfPresent(key, (k, l) -> l == lane && l.idle() ? null : l));
    }
}
