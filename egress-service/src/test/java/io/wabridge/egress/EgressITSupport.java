package io.wabridge.egress;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.wabridge.model.EventIds;
import io.wabridge.model.Json;
import io.wabridge.model.event.OutboundKind;
import io.wabridge.model.event.OutboundMessage;
import io.wabridge.support.kafka.EventCodec;
import io.wabridge.support.kafka.TestKafkaBroker;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import io.wabridge.egress.dispatch.OutboundConsumerProbe;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The shared set-up of every egress integration test: the whole service against a real broker
 * and a WireMock Graph API over HTTP. All subclasses share one Spring context and one WireMock
 * server; each test uses its own recipients, so tests never see each other's traffic.
 *
 * <p>The fake Graph API accepts every message and answers with {@code wamid.<callback data>}, so
 * a test knows the wamid of each outbound id; tests add higher-priority stubs for failures.
 *
 * <p>Metrics and tracing are on as in production; finished spans are kept in memory
 * ({@link SpanCapture}).
 */
@SpringBootTest(classes = EgressApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ActiveProfiles("it")
@AutoConfigureObservability
@Import({OutboundConsumerProbe.class, SpanCapture.class})
public abstract class EgressITSupport {

    protected static final String MESSAGES_PATH = "/v25.0/[0-9]+/messages";
    protected static final int PARTITIONS = 3;
    protected static final WireMockServer GRAPH = startGraph();
    private static final EventCodec CODEC = new EventCodec();
    private static KafkaProducer<String, byte[]> producer;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", TestKafkaBroker::bootstrapServers);
        registry.add("wabridge.whatsapp.graph-url", GRAPH::baseUrl);
    }

    private static WireMockServer startGraph() {
        WireMockServer server = new WireMockServer(options().dynamicPort().globalTemplating(true).containerThreads(20));
        server.start();
        server.stubFor(post(urlPathMatching(MESSAGES_PATH)).atPriority(10)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"{{jsonPath request.body '$.to'}}\","
                                + "\"wa_id\":\"{{jsonPath request.body '$.to'}}\"}],"
                                + "\"messages\":[{\"id\":\"wamid.{{jsonPath request.body '$.biz_opaque_callback_data'}}\"}]}")));
        server.stubFor(post(urlPathMatching(MESSAGES_PATH)).atPriority(9)
                .withRequestBody(matchingJsonPath("$.status", equalTo("read")))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"success\":true}")));
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "wiremock-shutdown"));
        return server;
    }

    /** A recipient id no other test uses. */
    protected static String newRecipient() {
        return "49" + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
    }

    /** A recipient whose conversation key on {@code phoneNumberId} lands on the same partition as {@code other}'s. */
    protected static String recipientOnSamePartition(String phoneNumberId, String other) {
        int partition = partitionOf(phoneNumberId + ":" + other);
        while (true) {
            String candidate = newRecipient();
            if (partitionOf(phoneNumberId + ":" + candidate) == partition) {
                return candidate;
            }
        }
    }

    protected static int partitionOf(String key) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(java.nio.charset.StandardCharsets.UTF_8))) % PARTITIONS;
    }

    protected static OutboundMessage text(String endpointId, String phoneNumberId, String recipient, int index, String body) {
        String inboundId = UUID.randomUUID().toString();
        return message(inboundId, endpointId, phoneNumberId, recipient, index, body);
    }

    protected static OutboundMessage message(String inboundId, String endpointId, String phoneNumberId, String recipient,
                                             int index, String body) {
        JsonNode message = Json.mapper().createObjectNode().put("type", "text")
                .set("text", Json.mapper().createObjectNode().put("body", body));
        return new OutboundMessage(OutboundMessage.SCHEMA_VERSION, EventIds.outbound(inboundId, index), inboundId, index,
                OutboundKind.MESSAGE, endpointId, phoneNumberId, phoneNumberId + ":" + recipient, recipient,
                "wamid.user-" + recipient, message, Instant.now());
    }

    protected static RecordMetadata publish(String topic, OutboundMessage message) {
        return publish(CODEC.record(topic, message.conversationKey(), message, null));
    }

    protected static RecordMetadata publish(ProducerRecord<String, byte[]> record) {
        try {
            return producer().send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish a test record", e);
        }
    }

    protected static EventCodec codec() {
        return CODEC;
    }

    private static synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafkaBroker.bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    /** Graph requests to a recipient, oldest first. */
    protected static List<LoggedRequest> requestsTo(String recipient) {
        return sorted(GRAPH.findAll(postRequestedFor(urlPathMatching(MESSAGES_PATH))
                .withRequestBody(matchingJsonPath("$.to", equalTo(recipient)))));
    }

    /**
     * Graph requests to a recipient, oldest first, keeping only the first request of each text: a
     * request that timed out on a cold, busy test machine may have arrived and is rightly sent
     * again, which is not what the ordering tests are about.
     */
    protected static List<LoggedRequest> firstRequestsTo(String recipient) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        return requestsTo(recipient).stream().filter(request -> seen.add(textOf(request))).toList();
    }

    /** Graph requests for one outbound id (its callback data), oldest first. */
    protected static List<LoggedRequest> requestsFor(OutboundMessage message) {
        return sorted(GRAPH.findAll(postRequestedFor(urlPathMatching(MESSAGES_PATH))
                .withRequestBody(matchingJsonPath("$.biz_opaque_callback_data", equalTo(message.outboundId())))));
    }

    protected static List<LoggedRequest> requestsToNumber(String phoneNumberId) {
        return sorted(GRAPH.findAll(postRequestedFor(urlPathMatching("/v25.0/" + phoneNumberId + "/messages"))));
    }

    private static List<LoggedRequest> sorted(List<LoggedRequest> requests) {
        List<LoggedRequest> copy = new ArrayList<>(requests);
        copy.sort(Comparator.comparing(LoggedRequest::getLoggedDate));
        return copy;
    }

    protected static JsonNode body(LoggedRequest request) {
        try {
            return Json.mapper().readTree(request.getBody());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    protected static String textOf(LoggedRequest request) {
        return body(request).path("text").path("body").asText();
    }

    protected static void stub(MappingBuilder mapping) {
        GRAPH.stubFor(mapping);
    }

    /** Every record of a topic (from the beginning) that matches. */
    protected static List<ConsumerRecord<String, byte[]>> records(String topic, Predicate<ConsumerRecord<String, byte[]>> filter) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafkaBroker.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(java.time.Duration.ofMillis(100)).forEach(record -> {
                    if (filter.test(record)) {
                        found.add(record);
                    }
                });
            }
            return found;
        }
    }

    protected static String header(ConsumerRecord<String, byte[]> record, String name) {
        return EventCodec.header(record.headers(), name);
    }
}
