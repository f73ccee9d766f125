package io.wabridge.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.wabridge.egress.EgressApplication;
import io.wabridge.processor.ProcessorApplication;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Scaled out on one real broker: the sandbox, one ingress, two processor and two egress instances
 * (each pair in one consumer group). While users are chatting, one processor and one egress
 * instance are killed; the survivors take over their partitions. At the fake Graph API every user
 * must then have exactly the replies to their messages: none missing, none twice, in the order the
 * user wrote.
 *
 * <p>The kill is the in-process kind: the instance's Spring context is closed with the services'
 * no-grace settings ({@code wabridge.processor.pipeline.drain-timeout=0s},
 * {@code wabridge.egress.consumer.shutdown-grace=0s}), so running turns and in-flight sends are
 * abandoned, not awaited. See docs/operations.md, "Scaling", for what that does and does not cover.
 */
class ScalingIT {

    private static final Logger log = LoggerFactory.getLogger(ScalingIT.class);

    private static final int PARTITIONS = 12;
    private static final int USERS_PER_PARTITION = 3;
    private static final int MESSAGES_PER_USER = 8;
    private static final String PROCESSOR_GROUP = "wabridge-processor";
    private static final String EGRESS_GROUP = "wabridge-egress";
    /** A loaded 2-core machine runs five Spring contexts and a broker here: be patient. */
    private static final Duration WAIT = Duration.ofMinutes(3);

    @TempDir
    static Path dataDir;

    private static LocalPipeline pipeline;
    private static SandboxClient sandbox;
    private static ConfigurableApplicationContext secondProcessor;
    private static ConfigurableApplicationContext secondEgress;

    @BeforeAll
    static void startScaledOutPipeline() throws Exception {
        // Processors and egress serve only actuator here: port 0 lets each pick its own.
        LocalSettings local = new LocalSettings(dataDir, freePort(), freePort(), freePort(), 0, 0, freePort(), null);
        pipeline = LocalPipeline.start(local, Map.of(), List.of(
                        // Two egress instances share the number's budget by partitions owned; a small one keeps
                        // sends queued in egress (about 10/s), so the kill finds some unfinished.
                        "--wabridge.egress.throughput.budget=12",
                        "--wabridge.processor.pipeline.workers=32"),
                // The bot "thinks" for a second, so turns are still running when the processor is killed.
                List.of("--wabridge.sandbox.bot-reply-delay=1s"));
        sandbox = new SandboxClient(local.sandboxPort());
        secondProcessor = pipeline.startInstance("processor-2", ProcessorApplication::builder, 0, List.of(
                "--wabridge.processor.pipeline.transactional-id=wabridge-processor-scaling-2",
                "--wabridge.processor.pipeline.drain-timeout=0s"));
        secondEgress = pipeline.startInstance("egress-2", EgressApplication::builder, 0, List.of(
                "--wabridge.egress.consumer.shutdown-grace=0s"));
        await("both instances of each group own partitions").atMost(WAIT).pollInterval(Duration.ofMillis(500))
                .until(() -> membersOwningPartitions(PROCESSOR_GROUP) == 2 && membersOwningPartitions(EGRESS_GROUP) == 2);
    }

    @AfterAll
    static void stopPipeline() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void killingAProcessorAndAnEgressInstanceMidStreamLosesDoublesAndReordersNoReply() throws Exception {
        List<String> users = usersOnEveryPartition();
        int expected = users.size() * MESSAGES_PER_USER;
        AtomicInteger written = new AtomicInteger();
        ExecutorService chat = Executors.newSingleThreadExecutor();
        try {
            // Round by round, every user writes their next message; each is acknowledged by ingress before the next.
            CompletableFuture<Void> conversation = CompletableFuture.runAsync(() -> IntStream.rangeClosed(1, MESSAGES_PER_USER)
                    .forEach(round -> users.forEach(user -> {
                        assertThat(sandbox.say(user, text(user, round)).path("ingressStatus").asInt())
                                .as("ingress accepted %s", text(user, round)).isEqualTo(200);
                        written.incrementAndGet();
                    })), chat);

            await("half of the messages written, replies on their way").atMost(WAIT).pollInterval(Duration.ofMillis(200))
                    .until(() -> written.get() >= expected / 2 && sent(users) > 0);
            int writtenAtKill = written.get();
            int sentAtKill = sent(users);
            pipeline.stop(secondProcessor);
            pipeline.stop(secondEgress);
            log.info("Killed processor-2 and egress-2 after {} of {} messages written and {} replies sent", writtenAtKill, expected,
                    sentAtKill);

            conversation.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            await("the survivors own every partition").atMost(WAIT).pollInterval(Duration.ofMillis(500))
                    .until(() -> membersOwningPartitions(PROCESSOR_GROUP) == 1 && membersOwningPartitions(EGRESS_GROUP) == 1);

            await("every reply sent").atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> sent(users) >= expected);
            await("no late extra sends").during(Duration.ofSeconds(3)).atMost(WAIT).until(() -> sent(users) == expected);
            for (String user : users) {
                List<String> expectedReplies = IntStream.rangeClosed(1, MESSAGES_PER_USER).mapToObj(round -> text(user, round)).toList();
                assertThat(replies(user)).as("what %s received, in order", user).containsExactlyElementsOf(expectedReplies);
            }
            log.info("{} users, {} messages each: all {} replies arrived once and in order; the bot answered {} calls "
                    + "(turns the killed processor had not committed ran again)", users.size(), MESSAGES_PER_USER, expected,
                    sandbox.botCalls());
        } finally {
            chat.shutdownNow();
        }
    }

    /** The user's message of a round: unique, so the bot's echo of it is unique too. */
    private static String text(String user, int round) {
        return "m" + round + "-" + user;
    }

    /** The text the bot echoed in each reply the user got, oldest first (the echo's first line is "You said: …"). */
    private static List<String> replies(String user) {
        return sandbox.outbox(user).stream()
                .map(message -> message.at("/body/text/body").asText().lines().findFirst().orElse(""))
                .map(line -> line.startsWith("You said: ") ? line.substring("You said: ".length()) : "unexpected: " + line)
                .toList();
    }

    private static int sent(List<String> users) {
        return users.stream().mapToInt(user -> sandbox.outbox(user).size()).sum();
    }

    /** {@value #USERS_PER_PARTITION} users per inbound partition, so whichever partitions move, conversations move. */
    private static List<String> usersOnEveryPartition() {
        Map<Integer, Integer> perPartition = new HashMap<>();
        List<String> users = new ArrayList<>();
        for (long candidate = 4917000000000L; users.size() < PARTITIONS * USERS_PER_PARTITION; candidate++) {
            String user = Long.toString(candidate);
            String key = LocalDefaults.PHONE_NUMBER_ID + ":" + user;
            int partition = Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
            if (perPartition.merge(partition, 1, Integer::sum) <= USERS_PER_PARTITION) {
                users.add(user);
            }
        }
        return users;
    }

    /** Members of the consumer group that own at least one partition right now. */
    private static long membersOwningPartitions(String group) throws Exception {
        try (Admin admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.bootstrapServers()))) {
            ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all().get(30, TimeUnit.SECONDS).get(group);
            return description.members().stream().map(MemberDescription::assignment)
                    .filter(assignment -> !assignment.topicPartitions().isEmpty()).count();
        }
    }

    /**
     * A free port below Linux's ephemeral range (32768 and up): an ephemeral port that is free now
     * can be taken by one of the many outgoing connections the starting services open before it is
     * bound, which made start-up fail with "port already in use".
     */
    private static int freePort() {
        while (true) {
            int candidate = ThreadLocalRandom.current().nextInt(20_000, 32_768);
            try (ServerSocket socket = new ServerSocket(candidate)) {
                return socket.getLocalPort();
            } catch (IOException inUse) {
                // try another
            }
        }
    }
}
