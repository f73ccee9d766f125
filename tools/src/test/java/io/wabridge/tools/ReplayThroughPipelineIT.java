package io.wabridge.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wabridge.local.LocalPipeline;
import io.wabridge.local.LocalSettings;
import io.wabridge.local.SandboxClient;
import io.wabridge.model.EventHeaders;
import io.wabridge.model.Json;
import io.wabridge.model.Topics;
import io.wabridge.model.event.OutboundKind;
import io.wabridge.model.event.OutboundMessage;
import io.wabridge.support.kafka.EventCodec;
import io.wabridge.support.kafka.TestKafkaBroker;
import io.wabridge.support.kafka.TopicProbe;
import io.wabridge.tools.cli.Wabridge;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code wabridge} command against the running pipeline (ingress, processor, egress and the
 * sandbox's fake Graph API and demo bot, on a real broker): what a replay, a forced replay and a
 * dead-letter re-drive do to what WhatsApp receives, and what {@code tail} shows.
 */
class ReplayThroughPipelineIT {

    /** The demo endpoint's number in the local pipeline ({@code LocalDefaults.PHONE_NUMBER_ID}). */
    private static final String PHONE_NUMBER_ID = "100000000000001";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path dataDir;

    private static LocalPipeline pipeline;
    private static SandboxClient sandbox;
    private static String bootstrapServers;

    @BeforeAll
    static void startPipeline() throws Exception {
        bootstrapServers = TestKafkaBroker.bootstrapServers();
        LocalSettings local = new LocalSettings(dataDir, freePort(), freePort(), freePort(), freePort(), freePort(), freePort(),
                bootstrapServers);
        pipeline = LocalPipeline.start(local, Map.of(), List.of());
        sandbox = new SandboxClient(local.sandboxPort());
    }

    @AfterAll
    static void stopPipeline() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void aDryRunPrintsTheSelectionAndWritesNothing() {
        String user = newUser();
        String key = PHONE_NUMBER_ID + ":" + user;
        converse(user, "multi", 3);

        try (TopicProbe probe = TopicProbe.atEnd(bootstrapServers, Topics.INBOUND, Topics.OUTBOUND)) {
            Result result = wabridge("replay", "--from", Topics.INBOUND, "--key", key, "--dry-run");

            assertThat(result.status()).isZero();
            assertThat(result.out()).contains("dry run: 1 record(s) would be replayed from whatsapp.inbound; nothing written",
                    "event-type=inbound", "-> whatsapp.inbound", "key=" + PHONE_NUMBER_ID + ":" + masked(user))
                    .containsPattern("whatsapp\\.inbound-\\d+: 1 record\\(s\\), offsets \\d+\\.\\.\\d+")
                    .doesNotContain(user);
            assertThat(probe.collectFor(Duration.ofSeconds(3))).filteredOn(record -> key.equals(record.key())).isEmpty();
        }
        assertThat(sandbox.outboxTexts(user)).hasSize(3);
    }

    @Test
    void replayingAConversationsInboundAndOutboundRecordsSendsNothingTwice() {
        String user = newUser();
        String key = PHONE_NUMBER_ID + ":" + user;
        converse(user, "multi", 3);

        try (TopicProbe outbound = TopicProbe.atEnd(bootstrapServers, Topics.OUTBOUND)) {
            Result inbound = wabridge("replay", "--from", Topics.INBOUND, "--key", key);
            Result replies = wabridge("replay", "--from", Topics.OUTBOUND, "--key", key);
            assertThat(inbound.out()).contains("replayed 1 record(s) from whatsapp.inbound");
            assertThat(replies.out()).contains("replayed 3 record(s) from whatsapp.outbound");

            // Each conversation is handled in order: once the next message's reply went out, the replayed records were handled.
            assertThat(sandbox.say(user, "count").get("ingressStatus").asInt()).isEqualTo(200);
            List<String> sent = await().atMost(WAIT).until(() -> sandbox.outboxTexts(user), texts -> texts.size() >= 4);

            assertThat(sent).containsExactly("1/3", "2/3", "3/3", sent.get(3));
            assertThat(sent.get(3)).startsWith("This is call number");
            List<ConsumerRecord<String, byte[]>> written = outbound.collectFor(Duration.ofSeconds(1));
            assertThat(written).filteredOn(record -> key.equals(record.key()))
                    .as("the processor dropped the replayed message: only the 3 replayed replies and the new reply")
                    .hasSize(4);
        }
    }

    @Test
    void aForcedReplayOfAConversationsInboundRecordsSendsTheRepliesAgain() {
        String user = newUser();
        String key = PHONE_NUMBER_ID + ":" + user;
        converse(user, "multi", 3);

        Result result = wabridge("replay", "--from", Topics.INBOUND, "--key", key, "--force");

        assertThat(result.out()).contains("replayed 1 record(s) from whatsapp.inbound with replay-force");
        assertThat(await().atMost(WAIT).until(() -> sandbox.outboxTexts(user), texts -> texts.size() >= 6))
                .containsExactly("1/3", "2/3", "3/3", "1/3", "2/3", "3/3");
    }

    @Test
    void reDrivingADeadLetterDeliversTheFixedMessageWithoutItsFailureHeaders() throws Exception {
        String user = newUser();
        String key = PHONE_NUMBER_ID + ":" + user;
        OutboundMessage message = new OutboundMessage(OutboundMessage.SCHEMA_VERSION, UUID.randomUUID().toString(),
                UUID.randomUUID().toString(), 0, OutboundKind.MESSAGE, "demo", PHONE_NUMBER_ID, key, user, null,
                Json.mapper().createObjectNode().put("type", "text").set("text", Json.mapper().createObjectNode().put("body", "fixed")),
                Instant.now());
        ProducerRecord<String, byte[]> dead = new EventCodec().record(Topics.deadLetterOf(Topics.OUTBOUND), key, message, null);
        header(dead, EventHeaders.FAILURE_REASON, "unknown endpoint: id demo");
        header(dead, EventHeaders.DLT_SOURCE_TOPIC, Topics.OUTBOUND);
        header(dead, EventHeaders.DLT_SOURCE_PARTITION, "0");
        header(dead, EventHeaders.DLT_SOURCE_OFFSET, "0");
        header(dead, "graph-error-code", "100");
        write(dead);

        try (TopicProbe outbound = TopicProbe.atEnd(bootstrapServers, Topics.OUTBOUND)) {
            Result result = wabridge("replay", "--from", Topics.deadLetterOf(Topics.OUTBOUND), "--key", key);

            assertThat(result.out()).contains("replayed 1 record(s) from whatsapp.outbound-dlt", "-> whatsapp.outbound");
            assertThat(await().atMost(WAIT).until(() -> sandbox.outboxTexts(user), texts -> !texts.isEmpty())).containsExactly("fixed");
            ConsumerRecord<String, byte[]> redriven = outbound.await(1, record -> key.equals(record.key()), WAIT).get(0);
            assertThat(EventCodec.header(redriven.headers(), EventHeaders.REPLAYED_FROM)).startsWith("whatsapp.outbound-dlt-");
            assertThat(redriven.headers().lastHeader(EventHeaders.FAILURE_REASON)).isNull();
            assertThat(redriven.headers().lastHeader(EventHeaders.DLT_SOURCE_TOPIC)).isNull();
            assertThat(redriven.headers().lastHeader("graph-error-code")).isNull();
        }
    }

    @Test
    void aMissingTopicIsAUsageErrorNotAnAttempt() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Wabridge wabridge = new Wabridge(System.out, new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), Clock.systemUTC());

        assertThat(wabridge.run(List.of("replay", "--from", Topics.INBOUND, "--to", "no.such.scratch", "--bootstrap-servers",
                bootstrapServers), () -> true)).isEqualTo(2);
        assertThat(wabridge.run(List.of("replay", "--from", "no.such.topic", "--bootstrap-servers", bootstrapServers), () -> true))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no topic no.such.scratch", "no topic no.such.topic");
    }

    @Test
    void tailPrintsTheConversationAcrossTopicsMaskedUnlessAskedOtherwise() {
        String user = newUser();
        String key = PHONE_NUMBER_ID + ":" + user;
        converse(user, "multi", 3);

        Result masked = wabridge("tail", "--key", key);
        Result unmasked = wabridge("tail", "--key", key, "--unmasked");

        List<String> lines = masked.out().lines().toList();
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("whatsapp.inbound", "inbound/message"))
                .anySatisfy(line -> assertThat(line).contains("whatsapp.outbound", "outbound/message"))
                .anySatisfy(line -> assertThat(line).contains("whatsapp.statuses", "status=accepted"));
        assertThat(lines).extracting(line -> Instant.parse(line.substring(0, line.indexOf(' ')))).isSorted();
        assertThat(masked.out()).contains("user=" + masked(user), "\"***\"")
                .doesNotContain(user, "multi", "1/3", "E2E", "Replay IT");
        assertThat(unmasked.out()).contains("user=" + user, "\"multi\"", "\"1/3\"");
    }

    @Test
    void tailFollowsNewEventsUntilStopped() throws Exception {
        String user = newUser();
        String key = PHONE_NUMBER_ID + ":" + user;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AtomicBoolean stop = new AtomicBoolean();
        Wabridge wabridge = new Wabridge(new PrintStream(out, true, StandardCharsets.UTF_8), System.err, Map.of(), Clock.systemUTC());
        CompletableFuture<Integer> tail = CompletableFuture.supplyAsync(() ->
                wabridge.run(List.of("tail", "--key", key, "--follow", "--bootstrap-servers", bootstrapServers), stop::get));
        // The conversation starts only once tail is following: every line after that comes from following.
        await().atMost(WAIT).until(() -> out.toString(StandardCharsets.UTF_8), text -> text.startsWith("-- following 5 topic(s)"));

        converse(user, "multi", 3);

        await().atMost(WAIT).until(() -> out.toString(StandardCharsets.UTF_8),
                text -> text.contains("whatsapp.inbound") && text.contains("status=accepted"));
        assertThat(tail).isNotDone();
        stop.set(true);
        assertThat(tail.get(10, TimeUnit.SECONDS)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain(user);
    }

    private static void converse(String user, String text, int replies) {
        assertThat(sandbox.say(user, text).get("ingressStatus").asInt()).isEqualTo(200);
        await().atMost(WAIT).until(() -> sandbox.outboxTexts(user), texts -> texts.size() >= replies);
    }

    private static Result wabridge(String... arguments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of(arguments));
        all.addAll(List.of("--bootstrap-servers", bootstrapServers));
        int status = new Wabridge(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of(), Clock.systemUTC()).run(all, () -> true);
        Result result = new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        assertThat(result.status()).as("exit status; stderr: %s", result.err()).isZero();
        return result;
    }

    private record Result(int status, String out, String err) {
    }

    private static void write(ProducerRecord<String, byte[]> record) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(record).get();
        }
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String newUser() {
        return "4915" + (100_000_000 + ThreadLocalRandom.current().nextInt(900_000_000));
    }

    private static String masked(String user) {
        return user.substring(0, 3) + "*".repeat(user.length() - 6) + user.substring(user.length() - 3);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
