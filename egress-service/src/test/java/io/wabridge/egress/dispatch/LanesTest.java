package io.wabridge.egress.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wabridge.model.event.OutboundKind;
import io.wabridge.model.event.OutboundMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LanesTest {

    private final ExecutorService worker = Executors.newFixedThreadPool(2);
    private final List<String> started = new CopyOnWriteArrayList<>();
    private final Map<String, CompletableFuture<JobHandler.Handled>> pending = new ConcurrentHashMap<>();
    private final AtomicInteger finished = new AtomicInteger();
    private final AtomicInteger abandoned = new AtomicInteger();
    private final Lanes lanes = new Lanes((job, gate) -> {
        started.add(job.message().outboundId());
        CompletableFuture<JobHandler.Handled> done = new CompletableFuture<>();
        pending.put(job.message().outboundId(), done);
        return done;
    }, worker);

    @AfterEach
    void stop() {
        worker.shutdownNow();
    }

    @Test
    void runsOneKeyInOrderAndOthersWithoutWaiting() {
        submit("A", "a1");
        submit("A", "a2");
        submit("B", "b1");

        await().atMost(Duration.ofSeconds(5)).until(() -> started.containsAll(List.of("a1", "b1")));
        assertThat(started).doesNotContain("a2"); // a1 is unfinished: a2 waits, b1 does not

        complete("b1");
        await().atMost(Duration.ofSeconds(5)).until(() -> finished.get() == 1);
        assertThat(started).doesNotContain("a2");

        complete("a1");
        await().atMost(Duration.ofSeconds(5)).until(() -> started.contains("a2"));
        assertThat(started).containsSubsequence("a1", "a2");
    }

    @Test
    void forgetsAKeyOnceItsLaneIsIdle() {
        submit("A", "a1");
        await().atMost(Duration.ofSeconds(5)).until(() -> started.contains("a1"));
        assertThat(lanes.size()).isEqualTo(1);

        complete("a1");

        await().atMost(Duration.ofSeconds(5)).until(() -> lanes.size() == 0);
    }

    @Test
    void keepsALaneWhilePacingHoldsItsNextMessage() {
        CompletableFuture<Void> gate = new CompletableFuture<>();
        submit("A", "a1");
        await().atMost(Duration.ofSeconds(5)).until(() -> started.contains("a1"));
        pending.get("a1").complete(new JobHandler.Handled(gate));

        await().atMost(Duration.ofSeconds(5)).until(() -> finished.get() == 1);
        assertThat(lanes.size()).isEqualTo(1);

        gate.complete(null);
        await().atMost(Duration.ofSeconds(5)).until(() -> lanes.size() == 0);
    }

    @Test
    void leavesRecordsOfARevokedPartitionToTheNewOwnerWithoutRunningThem() {
        submit("A", "a1");
        lanes.submit("A", job("a2", () -> true), completion());
        await().atMost(Duration.ofSeconds(5)).until(() -> started.contains("a1"));

        complete("a1");

        // a2 is abandoned, not finished: its offset must stay uncommitted so the new owner sends it.
        await().atMost(Duration.ofSeconds(5)).until(() -> finished.get() == 1 && abandoned.get() == 1);
        assertThat(started).containsExactly("a1");
    }

    private void submit(String key, String id) {
        lanes.submit(key, job(id, () -> false), completion());
    }

    private void complete(String id) {
        pending.get(id).complete(JobHandler.Handled.keepGate());
    }

    private Completion completion() {
        return new Completion() {
            @Override
            public void finished() {
                finished.incrementAndGet();
            }

            @Override
            public void abandoned() {
                abandoned.incrementAndGet();
            }
        };
    }

    private static Job job(String id, java.util.function.BooleanSupplier revoked) {
        OutboundMessage message = new OutboundMessage(1, id, "in", 0, OutboundKind.MESSAGE, "demo", "1", "1:2", "2", null, null,
                Instant.now());
        return new Job(new ConsumerRecord<>("whatsapp.outbound", 0, 0, "1:2", new byte[0]), message, null, revoked);
    }
}
