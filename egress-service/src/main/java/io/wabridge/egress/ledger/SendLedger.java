package io.wabridge.egress.ledger;

import io.wabridge.model.state.LedgerEntry;
import io.wabridge.support.consume.ConsumerLoop;
import io.wabridge.support.consume.LoopSession;
import io.wabridge.support.consume.ReaderSession;
import io.wabridge.support.kafka.EventCodec;
import io.wabridge.support.kafka.KafkaClientFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The send ledger: every accepted send is written to a compacted topic keyed by outbound id,
 * and every instance reads the whole topic at start and then keeps tailing it. A record whose
 * outbound id is in the ledger is not sent again, whether it comes back through a redelivery,
 * a rebalance to another instance, or a replay.
 *
 * <p>The entry is written after Graph accepted the message and before the outbound offset is
 * committed. Graph offers no idempotency key, so before a message send an intent entry is written
 * (header {@code ledger-state: intent}) and acknowledged: a redelivered record whose outbound id
 * has an intent and no accepted entry was interrupted by a crash, maybe after Graph's answer, and
 * is sent again only when no status webhook proves that Graph accepted it.
 */
public class SendLedger extends ConsumerLoop {

    private static final Logger log = LoggerFactory.getLogger(SendLedger.class);
    static final int PHASE = Integer.MAX_VALUE - 2000;
    private static final EventCodec CODEC = new EventCodec();
    /** Marks an intent entry, so the tailing reader need not decode values. */
    static final String STATE_HEADER = "ledger-state";
    private static final byte[] INTENT = "intent".getBytes(StandardCharsets.UTF_8);
    /**
     * How long a tailing poll blocks: entries end it at once, and a caught-up request wakes it
     * ({@link #awaitCaughtUp()}), so this only sets how often an idle reader wakes up (docs/benchmarks.md, run J).
     */
    static final Duration TAIL_POLL = Duration.ofSeconds(1);

    private final LedgerSettings settings;
    private final KafkaClientFactory clients;
    private final KafkaTemplate<String, byte[]> template;
    private final RecentSends recent;
    private final Queue<CompletableFuture<Void>> barrierRequests = new ConcurrentLinkedQueue<>();
    /** Barriers being waited for; the tailing thread's own. */
    private final List<Barrier> barriers = new ArrayList<>();
    /** The tailing session's consumer, woken for a caught-up request; null while (re)opening. */
    private volatile Consumer<String, byte[]> tailing;

    public SendLedger(LedgerSettings settings, KafkaClientFactory clients, KafkaTemplate<String, byte[]> template) {
        super("ledger", PHASE, true);
        this.settings = settings;
        this.clients = clients;
        this.template = template;
        this.recent = new RecentSends(settings.maxEntries());
    }

    public boolean contains(String outboundId) {
        return recent.contains(outboundId);
    }

    /** When the pending intent of this outbound id was written; null when it has none (or was accepted). */
    public Instant intentOf(String outboundId) {
        return recent.intentOf(outboundId);
    }

    /**
     * Remembers the send at once and completes when the broker has the entry. An intent is only
     * written: this instance reads it back, and will not mistake its own send in flight for a crash.
     */
    public CompletableFuture<Void> record(LedgerEntry entry) {
        if (!entry.isIntent()) {
            recent.add(entry.outboundId());
        }
        return template.send(entryRecord(settings.topic(), entry)).thenApply(result -> null);
    }

    /** The ledger record of a send, keyed by its outbound id so compaction keeps one per message. */
    static ProducerRecord<String, byte[]> entryRecord(String topic, LedgerEntry entry) {
        ProducerRecord<String, byte[]> record = CODEC.record(topic, entry.outboundId(), entry, null);
        if (entry.isIntent()) {
            record.headers().add(STATE_HEADER, INTENT);
        }
        return record;
    }

    /**
     * Blocks until every entry written (by any instance) before this call has been read. Called
     * when partitions are assigned, so records the previous owner already sent are recognised.
     */
    public void awaitCaughtUp() {
        CompletableFuture<Void> barrier = new CompletableFuture<>();
        barrierRequests.add(barrier);
        Consumer<String, byte[]> consumer = tailing;
        if (consumer != null) {
            try {
                consumer.wakeup(); // out of its poll now, not after up to TAIL_POLL
            } catch (RuntimeException e) {
                log.debug("waking the ledger reader failed (it is being replaced); its next turn takes the request", e);
            }
        }
        try {
            barrier.get(settings.loadTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.warn("send ledger did not catch up within {}; continuing with what it has", settings.loadTimeout());
        } catch (ExecutionException e) {
            log.warn("send ledger could not catch up", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    int size() {
        return recent.size();
    }

    @Override
    protected LoopSession openSession() {
        return new ReaderSession(new ReaderSession.Reader() {
            @Override
            public Consumer<String, byte[]> open() {
                return openConsumer();
            }

            @Override
            public void poll(Consumer<String, byte[]> consumer) {
                pollOnce(consumer);
            }

            @Override
            public void ended() {
                SendLedger.this.ended();
            }
        });
    }

    /** Reads the newest entries before anything is sent, then tails the topic. */
    private Consumer<String, byte[]> openConsumer() {
        Consumer<String, byte[]> consumer = clients.consumer(null, "ledger", Map.of());
        try {
            List<TopicPartition> partitions = partitionsOf(consumer);
            consumer.assign(partitions);
            seekToRecent(consumer, partitions);
            load(consumer, partitions);
            tailing = consumer;
            return consumer;
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
    }

    /**
     * The ledger topic's partitions. A topic created moments ago at start-up may not be in the
     * broker's metadata yet (an empty answer), so ask again until the load timeout.
     */
    private List<TopicPartition> partitionsOf(Consumer<String, byte[]> consumer) {
        long deadline = System.nanoTime() + settings.loadTimeout().toNanos();
        while (true) {
            List<TopicPartition> partitions = consumer.partitionsFor(settings.topic()).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            if (!partitions.isEmpty()) {
                return partitions;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("send ledger topic " + settings.topic() + " has no partitions (does it exist?) after "
                        + "wabridge.egress.ledger.load-timeout=" + settings.loadTimeout());
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
    }

    /**
     * Memory holds the newest {@code max-entries} sends only, so start-up reads only about that
     * many from the end of each partition instead of days of history.
     */
    private void seekToRecent(Consumer<String, byte[]> consumer, List<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        long perPartition = Math.max(1, settings.maxEntries() / partitions.size());
        Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        for (TopicPartition partition : partitions) {
            consumer.seek(partition, Math.max(begin.get(partition), end.get(partition) - perPartition));
        }
    }

    private void load(Consumer<String, byte[]> consumer, List<TopicPartition> partitions) {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        long deadline = System.nanoTime() + settings.loadTimeout().toNanos();
        while (!reached(consumer, end)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("could not read the send ledger " + settings.topic()
                        + " within wabridge.egress.ledger.load-timeout=" + settings.loadTimeout());
            }
            consumer.poll(Duration.ofMillis(200)).forEach(this::apply);
        }
        log.info("send ledger {} loaded: {} recent sends", settings.topic(), recent.size());
    }

    private void pollOnce(Consumer<String, byte[]> consumer) {
        try {
            consumer.poll(TAIL_POLL).forEach(this::apply);
        } catch (WakeupException e) {
            // awaitCaughtUp woke the poll: its request is taken below
        }
        List<CompletableFuture<Void>> requests = new ArrayList<>();
        for (CompletableFuture<Void> request; (request = barrierRequests.poll()) != null; ) {
            requests.add(request);
        }
        if (!requests.isEmpty()) {
            // The end offsets are asked for after every request taken here was made, so each barrier covers what preceded it.
            Map<TopicPartition, Long> end = endOffsets(consumer, requests);
            requests.forEach(request -> barriers.add(new Barrier(end, request)));
        }
        try {
            for (Iterator<Barrier> pending = barriers.iterator(); pending.hasNext(); ) {
                Barrier barrier = pending.next();
                if (reached(consumer, barrier.end())) {
                    barrier.done().complete(null);
                    pending.remove();
                }
            }
        } catch (WakeupException e) {
            // a position lookup woken by a newer request: the barriers left are checked at the next turn
        }
    }

    private static Map<TopicPartition, Long> endOffsets(Consumer<String, byte[]> consumer, List<CompletableFuture<Void>> requests) {
        while (true) {
            try {
                return consumer.endOffsets(consumer.assignment());
            } catch (WakeupException e) {
                // a newer request woke it: asking again covers it too (it is taken at the next turn)
            } catch (RuntimeException e) {
                requests.forEach(request -> request.complete(null)); // the session ends: nobody waits for it
                throw e;
            }
        }
    }

    /** Nobody waits forever for a reader that is gone; a restarted one loads the ledger again. */
    private void ended() {
        tailing = null;
        barriers.forEach(barrier -> barrier.done().complete(null));
        barriers.clear();
    }

    private static boolean reached(Consumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        if (record.key() == null || record.value() == null) {
            return;
        }
        // The key (and the header for intents) says it all, so the value is not decoded (the ledger
        // tails every instance's sends); an unreadable value still says "sent": better to skip a
        // send than to repeat one.
        if ("intent".equals(EventCodec.header(record.headers(), STATE_HEADER))) {
            recent.addIntent(record.key(), Instant.ofEpochMilli(record.timestamp()));
        } else {
            recent.add(record.key());
        }
    }

    private record Barrier(Map<TopicPartition, Long> end, CompletableFuture<Void> done) {
    }
}
