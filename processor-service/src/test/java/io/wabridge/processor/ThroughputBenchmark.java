package io.wabridge.processor;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.wabridge.model.Topics;
import io.wabridge.model.event.InboundEvent;
import io.wabridge.processor.pipeline.InboundProcessor;
import io.wabridge.support.kafka.EventCodec;
import io.wabridge.support.kafka.TestKafkaBroker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A rough throughput probe, not part of the build (its name matches neither {@code *Test} nor
 * {@code *IT}): a backlog of turns across many conversations, a fake Cognigy answering after
 * 200 ms, one processor instance, broker and fake in the same JVM. Run by hand:
 * {@code ./mvnw -B -pl processor-service -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=ThroughputBenchmark -Dfailsafe.failIfNoSpecifiedTests=false}. The benchmark harness
 * (a later issue) measures properly.
 */
class ThroughputBenchmark {

    private static final int CONVERSATIONS = Integer.getInteger("bench.conversations", 1000);
    private static final int TURNS_EACH = Integer.getInteger("bench.turns", 10);

    @Test
    void drainsABacklog() throws Exception {
        WireMockServer cognigy = new WireMockServer(WireMockConfiguration.options().dynamicPort()
                .containerThreads(64).asynchronousResponseEnabled(true).asynchronousResponseThreads(16));
        cognigy.start();
        cognigy.stubFor(post(urlPathMatching("/cognigy/.*"))
                .willReturn(okJson("{\"outputStack\":[{\"text\":\"ok\"}]}").withFixedDelay(200)));
        String servers = TestKafkaBroker.bootstrapServers();
        try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", servers))) {
            admin.createTopics(List.of(new NewTopic(Topics.INBOUND, 12, (short) 1))).all().get();
        }
        EventCodec codec = new EventCodec();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ProducerConfig.LINGER_MS_CONFIG, 20), new StringSerializer(), new ByteArraySerializer())) {
            for (int turn = 0; turn < TURNS_EACH; turn++) {
                for (int user = 0; user < CONVERSATIONS; user++) {
                    InboundEvent event = TestEvents.text(TestEvents.PHONE_NUMBER_ID, "4900" + user, "wamid." + user + "." + turn,
                            "hello " + turn, TestEvents.T0.plusSeconds(turn));
                    producer.send(codec.record(Topics.INBOUND, event.conversationKey(), event, null));
                }
            }
        }
        AtomicLong replies = new AtomicLong();
        Thread counter = countOutbound(servers, replies);

        long started = System.nanoTime();
        Map<String, String> properties = new java.util.LinkedHashMap<>();
        properties.put("spring.kafka.bootstrap-servers", servers);
        properties.put("logging.level.org.apache.kafka", "WARN");
        properties.put("wabridge.endpoints.demo.phone-number-id", TestEvents.PHONE_NUMBER_ID);
        properties.put("wabridge.endpoints.demo.cognigy.url", cognigy.baseUrl() + "/cognigy/demo");
        List<String> args = new ArrayList<>();
        properties.forEach((k, v) -> args.add(k + "=" + v));
        try (ConfigurableApplicationContext processor = ProcessorApplication.builder()
                .web(WebApplicationType.NONE).properties(args.toArray(String[]::new)).run()) {
            InboundProcessor inbound = processor.getBean(InboundProcessor.class);
            await().atMost(Duration.ofSeconds(60)).until(() -> !inbound.assignedPartitions().isEmpty());
            long total = (long) CONVERSATIONS * TURNS_EACH;
            long consumingFrom = System.nanoTime();
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200)).until(() -> replies.get() >= total);
            double seconds = (System.nanoTime() - consumingFrom) / 1e9;
            Runtime rt = Runtime.getRuntime();
            System.out.printf("BENCH %d turns over %d conversations in %.1f s = %.0f turns/s (start-up %.1f s, JVM heap used %d of max %d MB, broker and fake Cognigy included)%n",
                    total, CONVERSATIONS, seconds, total / seconds, (consumingFrom - started) / 1e9,
                    (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20);
        } finally {
            counter.interrupt();
            cognigy.stop();
        }
    }

    private static Thread countOutbound(String servers, AtomicLong replies) {
        Thread thread = new Thread(() -> {
            try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new ByteArrayDeserializer())) {
                await().atMost(Duration.ofSeconds(60)).until(() -> consumer.partitionsFor(Topics.OUTBOUND).size() == 12);
                List<TopicPartition> partitions = consumer.partitionsFor(Topics.OUTBOUND).stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                while (!Thread.currentThread().isInterrupted()) {
                    replies.addAndGet(consumer.poll(Duration.ofMillis(100)).count());
                }
            } catch (org.apache.kafka.common.errors.InterruptException e) {
                Thread.currentThread().interrupt();
            }
        }, "bench-counter");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
