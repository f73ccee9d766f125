package io.wabridge.support.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wabridge.support.kafka.TestKafkaBroker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The engine's guarantees on a real broker: per-key order across a rebalance, back-pressure, lowest-unfinished commits, restarts. */
class KeyOrderedSessionIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private final ExecutorService workers = Executors.newFixedThreadPool(8);
    private final List<ConsumerLoop> loops = new ArrayList<>();

    @AfterEach
    void stop() {
        loops.forEach(ConsumerLoop::stop);
        workers.shutdownNow();
    }

    @Test
    void handsPartitionsOverBetweenTwoInstancesKeepingEveryKeysRecordsInOrderWithNothingSkipped() throws Exception {
        String in = topic(4);
        String out = topic(1);
        String group = "engine-it-" + UUID.randomUUID();
        int keys = 40;
        int perKey = 10;
        publish(in, keys, 0, perKey / 2);
        ConsumerLoop first = transactional(group, in, out);
        first.start();
        List<String> output = new ArrayList<>();
        try (Consumer<String, byte[]> reader = outputReader(out)) {
            await().atMost(WAIT).until(() -> read(reader, output) >= 40);

            ConsumerLoop second = transactional(group, in, out);
            second.start();
            await().atMost(WAIT).until(() -> !first.owned().isEmpty() && !second.owned().isEmpty()
                    && first.owned().size() + second.owned().size() == 4);
            publish(in, keys, perKey / 2, perKey);
            await().atMost(WAIT).until(() -> read(reader, output) >= keys * perKey * 3 / 4);

            first.stop(); // a second handover: the rest is the second instance's
            await().atMost(WAIT).until(() -> {
                read(reader, output);
                return output.stream().distinct().count() == keys * perKey;
            });
            read(reader, output);
        }

        Map<String, List<Integer>> perKeyOutput = new HashMap<>();
        for (String value : output) {
            String[] parts = value.split(":");
            perKeyOutput.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(Integer.parseInt(parts[1]));
        }
        assertThat(perKeyOutput).hasSize(keys);
        List<Integer> expected = IntStream.range(0, perKey).boxed().toList();
        perKeyOutput.forEach((key, sequence) -> {
            // Once each, in order. A record finished beyond its partition's lowest unfinished offset has its output
            // committed before its offset, so its new owner may run it again: only ever as a replay of what came
            // before, never skipping ahead (the processor's conversation state recognises such replays).
            assertThat(sequence.stream().distinct().toList()).as(key).isEqualTo(expected);
            int highest = -1;
            for (int seq : sequence) {
                assertThat(seq).as("%s never skips ahead: %s", key, sequence).isLessThanOrEqualTo(highest + 1);
                highest = Math.max(highest, seq);
            }
        });
    }

    @Test
    void pausesAtMaxInFlightKeepsItsPartitionsWhilePausedAndCommitsOnlyUpToTheLowestUnfinishedRecord() throws Exception {
        String in = topic(1);
        String group = "engine-it-" + UUID.randomUUID();
        publish(in, 20, 0, 1); // 20 keys, one record each, offsets 0..19
        Map<Long, CompletableFuture<Outcome<Void>>> held = new ConcurrentHashMap<>();
        KeyedWork<Void> holding = (record, revoked) -> new Task<>(record.key(), () -> {
            CompletableFuture<Outcome<Void>> done = new CompletableFuture<>();
            held.put(record.offset(), done);
            return done;
        });
        ConsumerLoop loop = plain("pausing", () -> new KeyOrderedSession<>("pausing",
                consumer(group, Map.of(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 3, ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 2000)),
                List.of(in), holding, new OffsetCommits<>(), new KeyOrderedSettings(6, Duration.ofMillis(100), Duration.ofMillis(50),
                Duration.ofSeconds(1)), workers));
        loop.start();

        await().atMost(WAIT).until(() -> loop.isPaused() && loop.inFlight() >= 6);
        // Longer than max.poll.interval.ms: polling goes on while paused, so the partition stays ours.
        await().during(Duration.ofSeconds(3)).atMost(WAIT).until(() -> loop.isPaused() && loop.owned().size() == 1);
        assertThat(held).hasSizeLessThanOrEqualTo(6 + 3);
        assertThat(loop.pauses()).isEqualTo(1);

        // Everything but offset 0 finishes: consumption resumes, but nothing may be committed past 0.
        await().atMost(WAIT).until(() -> {
            held.forEach((offset, done) -> {
                if (offset != 0) {
                    done.complete(Outcome.finished(null));
                }
            });
            return held.size() == 20 && loop.inFlight() == 1;
        });
        assertThat(loop.isPaused()).isFalse();
        TopicPartition partition = new TopicPartition(in, 0);
        await().during(Duration.ofMillis(500)).atMost(WAIT).until(() -> committed(group, partition) <= 0);

        held.get(0L).complete(Outcome.finished(null));
        await().atMost(WAIT).until(() -> committed(group, partition) == 20);
        assertThat(loop.inFlight()).isZero();
    }

    @Test
    void restartsAfterAFailureAndResumesFromTheCommittedOffsets() throws Exception {
        String in = topic(1);
        String group = "engine-it-" + UUID.randomUUID();
        Set<String> handled = ConcurrentHashMap.newKeySet();
        AtomicBoolean fail = new AtomicBoolean();
        KeyedWork<Void> work = new KeyedWork<>() {
            @Override
            public Task<Void> prepare(ConsumerRecord<String, byte[]> record, BooleanSupplier revoked) {
                return new Task<>(record.key(), () -> {
                    handled.add(new String(record.value(), StandardCharsets.UTF_8));
                    return CompletableFuture.completedFuture(Outcome.finished(null));
                });
            }

            @Override
            public void afterPoll() {
                if (fail.compareAndSet(true, false)) {
                    throw new IllegalStateException("broken on purpose");
                }
            }
        };
        ConsumerLoop loop = plain("restarting", () -> new KeyOrderedSession<>("restarting", consumer(group, Map.of()), List.of(in), work,
                new OffsetCommits<>(), new KeyOrderedSettings(100, Duration.ofMillis(50), Duration.ofMillis(50), Duration.ofSeconds(1)),
                workers));
        ConsumerLoopHealth health = new ConsumerLoopHealth(loop);
        loop.start();
        publish(in, 5, 0, 1);
        await().atMost(WAIT).until(() -> handled.size() == 5 && committed(group, new TopicPartition(in, 0)) == 5);

        fail.set(true);
        await().atMost(WAIT).until(() -> loop.restarts() == 1);
        assertThat(health.health().getDetails()).containsEntry("lastError", "java.lang.IllegalStateException: broken on purpose");
        await().atMost(WAIT).until(() -> loop.consuming() && health.health().getStatus().getCode().equals("UP"));
        publish(in, 10, 0, 1);
        await().atMost(WAIT).until(() -> committed(group, new TopicPartition(in, 0)) == 15);
        assertThat(handled).hasSize(10); // keys 0..9, one record each, twice for 0..4
    }

    @Test
    void aLongIdlePollTimeoutNeitherDelaysTheFirstRecordAfterIdlenessNorItsCommit() throws Exception {
        String in = topic(1);
        String group = "engine-it-" + UUID.randomUUID();
        Set<String> handled = ConcurrentHashMap.newKeySet();
        // Work finishes on a worker while the poll thread waits in poll: only its next wake-up commits the offsets.
        KeyedWork<Void> work = (record, revoked) -> new Task<>(record.key(), () -> CompletableFuture.supplyAsync(() -> {
            sleep(20);
            handled.add(record.key());
            return Outcome.finished(null);
        }, workers));
        Duration idlePoll = Duration.ofSeconds(20);
        Duration wellBelowIt = Duration.ofSeconds(8);
        ConsumerLoop loop = plain("idle", () -> new KeyOrderedSession<>("idle", consumer(group, Map.of()), List.of(in), work,
                new OffsetCommits<>(), new KeyOrderedSettings(100, Duration.ofMillis(100), idlePoll, Duration.ofSeconds(1)), workers));
        loop.start();
        await().atMost(WAIT).until(() -> loop.owned().size() == 1);

        publish(in, 3, 0, 1);
        // Records end a poll at once; the commit is due 100 ms after they finish, not at the end of a 20-s poll.
        await().atMost(wellBelowIt).until(() -> handled.size() == 3);
        await().atMost(wellBelowIt).until(() -> committed(group, new TopicPartition(in, 0)) == 3);
    }

    private ConsumerLoop transactional(String group, String in, String out) {
        Supplier<LoopSession> sessions = () -> {
            Producer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafkaBroker.bootstrapServers(),
                    ProducerConfig.TRANSACTIONAL_ID_CONFIG, "engine-it-" + UUID.randomUUID()),
                    new StringSerializer(), new ByteArraySerializer());
            KeyedWork<String> work = (record, revoked) -> new Task<>(record.key(), () -> CompletableFuture.supplyAsync(() -> {
                sleep(ThreadLocalRandom.current().nextInt(5));
                return Outcome.finished(new String(record.value(), StandardCharsets.UTF_8));
            }, workers));
            TransactionalCommits<String> commits = new TransactionalCommits<>(producer,
                    value -> List.of(new ProducerRecord<>(out, value.split(":")[0], value.getBytes(StandardCharsets.UTF_8))), value -> { });
            return new KeyOrderedSession<>("handover", consumer(group, Map.of(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 20)), List.of(in),
                    work, commits, new KeyOrderedSettings(100, Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofSeconds(10)),
                    Runnable::run);
        };
        return plain("handover", sessions);
    }

    private ConsumerLoop plain(String name, Supplier<LoopSession> sessions) {
        ConsumerLoop loop = new ConsumerLoop(name, 0, false) {
            @Override
            protected LoopSession openSession() {
                return sessions.get();
            }

            @Override
            protected Duration stopTimeout() {
                return Duration.ofSeconds(20);
            }
        };
        loops.add(loop);
        return loop;
    }

    private static Consumer<String, byte[]> consumer(String group, Map<String, Object> overrides) {
        Map<String, Object> config = new HashMap<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafkaBroker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName()));
        config.putAll(overrides);
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static Consumer<String, byte[]> outputReader(String out) {
        Consumer<String, byte[]> reader = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafkaBroker.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer());
        reader.assign(List.of(new TopicPartition(out, 0)));
        reader.seekToBeginning(List.of(new TopicPartition(out, 0)));
        return reader;
    }

    private static int read(Consumer<String, byte[]> reader, List<String> into) {
        reader.poll(Duration.ofMillis(200)).forEach(record -> into.add(new String(record.value(), StandardCharsets.UTF_8)));
        return into.size();
    }

    /** Record {@code seq} of key {@code k<i>} is "k<i>:<seq>", for every key and every seq in [from, to). */
    private static void publish(String topic, int keys, int from, int to) {
        try (Producer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafkaBroker.bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            for (int seq = from; seq < to; seq++) {
                for (int key = 0; key < keys; key++) {
                    producer.send(new ProducerRecord<>(topic, "k" + key, ("k" + key + ":" + seq).getBytes(StandardCharsets.UTF_8)));
                }
            }
            producer.flush();
        }
    }

    private static String topic(int partitions) throws Exception {
        String name = "engine-it-" + UUID.randomUUID();
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        return name;
    }

    private static long committed(String group, TopicPartition partition) throws Exception {
        try (Admin admin = admin()) {
            OffsetAndMetadata offset = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS)
                    .get(partition);
            return offset == null ? -1 : offset.offset();
        }
    }

    private static Admin admin() {
        return Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafkaBroker.bootstrapServers()));
    }

    /** A worker's simulated work time: it waits for no condition, so Awaitility has nothing to poll for. */
    private static void sleep(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
