package io.wabridge.processor;

import static com.github.tomakehurst.wiremock.client.WireMock.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.wabridge.model.EventHeaders;
import io.wabridge.model.Json;
import io.wabridge.model.Topics;
import io.wabridge.model.event.InboundEvent;
import io.wabridge.model.event.OutboundMessage;
import io.wabridge.support.kafka.EventCodec;
import io.wabridge.support.kafka.TestKafkaBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One Spring context for every IT: the processor against the real test broker, with WireMock as
 * the Cognigy REST Endpoint over real HTTP. By default the fake Cognigy echoes the input text;
 * tests add stubs matched on their own user id, so tests never see each other's traffic.
 * Metrics and tracing are on as in production; finished spans are kept in memory.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@AutoConfigureObservability
@Import({ProcessorITSupport.SpanCapture.class, ProcessorITSupport.TestDesk.class})
abstract class ProcessorITSupport {

    static final WireMockServer cognigy = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    static final String FALLBACK = "Our assistant is unavailable right now.";
    private static TopicCollector outbound;
    private static TopicCollector deadLetters;
    private static KafkaProducer<String, byte[]> producer;

    static {
        cognigy.start();
        cognigy.stubFor(post(urlPathMatching("/cognigy/.*")).atPriority(10).willReturn(okJson(
                "{\"outputStack\":[{\"text\":\"echo {{jsonPath request.body '$.text'}}\",\"source\":\"bot\"}]}")
                .withTransformers("response-template")));
    }

    @Autowired
    EventCodec codec;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        properties().forEach((name, value) -> registry.add(name, () -> value));
    }

    /** The test configuration, also used to start a second processor instance. */
    static Map<String, String> properties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.kafka.bootstrap-servers", TestKafkaBroker.bootstrapServers());
        properties.put("logging.level.org.apache.kafka", "WARN");
        properties.put("wabridge.endpoints.demo.phone-number-id", TestEvents.PHONE_NUMBER_ID);
        properties.put("wabridge.endpoints.demo.cognigy.url", cognigy.baseUrl() + "/cognigy/demo");
        properties.put("wabridge.endpoints.demo.cognigy.timeout", "15s");
        properties.put("wabridge.endpoints.reader.phone-number-id", "2002");
        properties.put("wabridge.endpoints.reader.mark-as-read", "true");
        properties.put("wabridge.endpoints.reader.cognigy.url", cognigy.baseUrl() + "/cognigy/reader");
        properties.put("wabridge.endpoints.down.phone-number-id", "3003");
        properties.put("wabridge.endpoints.down.cognigy.url", cognigy.baseUrl() + "/cognigy/down");
        properties.put("wabridge.endpoints.down.cognigy.fallback-text", FALLBACK);
        // Data protection: plain logs, full transcript and HTML stripping here; masked transcript on "masked".
        properties.put("wabridge.endpoints.plain.phone-number-id", "4004");
        properties.put("wabridge.endpoints.plain.cognigy.url", cognigy.baseUrl() + "/cognigy/plain");
        properties.put("wabridge.endpoints.plain.data-protection.mask-logging", "false");
        properties.put("wabridge.endpoints.plain.data-protection.sanitize-input", "true");
        properties.put("wabridge.endpoints.plain.data-protection.transcript", "on");
        properties.put("wabridge.endpoints.masked.phone-number-id", "5005");
        properties.put("wabridge.endpoints.masked.cognigy.url", cognigy.baseUrl() + "/cognigy/masked");
        properties.put("wabridge.endpoints.masked.data-protection.transcript", "masked");
        // Transformers (TransformerIT): one script, errors ignored on "transformed", stopping the message on "strict".
        String script = java.nio.file.Path.of("src/test/resources/transformers/it-transformer.js").toAbsolutePath().toString();
        properties.put("wabridge.endpoints.transformed.phone-number-id", "6006");
        properties.put("wabridge.endpoints.transformed.cognigy.url", cognigy.baseUrl() + "/cognigy/transformed");
        properties.put("wabridge.endpoints.transformed.data-protection.transcript", "on");
        properties.put("wabridge.endpoints.transformed.data-protection.mask-logging", "false");
        properties.put("wabridge.endpoints.transformed.transformers.script", script);
        // Room for a cold first call on a loaded build machine (like cognigy.timeout above); statements unbounded,
        // so an endless loop meets the time limit.
        properties.put("wabridge.endpoints.transformed.transformers.timeout", "10s");
        properties.put("wabridge.endpoints.transformed.transformers.statement-limit", "1000000000000");
        properties.put("wabridge.endpoints.strict.phone-number-id", "7007");
        properties.put("wabridge.endpoints.strict.cognigy.url", cognigy.baseUrl() + "/cognigy/strict");
        properties.put("wabridge.endpoints.strict.transformers.script", script);
        properties.put("wabridge.endpoints.strict.transformers.hooks", "input,output");
        properties.put("wabridge.endpoints.strict.transformers.abort-on-error", "true");
        // A Java transformer (transform.GreetingTransformer, listed in META-INF/services) serves "java-demo".
        properties.put("wabridge.endpoints.java-demo.phone-number-id", "8008");
        properties.put("wabridge.endpoints.java-demo.cognigy.url", cognigy.baseUrl() + "/cognigy/java-demo");
        // Customer-service window and user changes (ServiceWindowIT): a template outside the window, edits and revokes ignored.
        properties.put("wabridge.endpoints.templated.phone-number-id", "9009");
        properties.put("wabridge.endpoints.templated.cognigy.url", cognigy.baseUrl() + "/cognigy/templated");
        properties.put("wabridge.endpoints.templated.service-window.outside", "template");
        properties.put("wabridge.endpoints.templated.service-window.template.name", "reopen_conversation");
        properties.put("wabridge.endpoints.templated.service-window.template.language", "de");
        properties.put("wabridge.endpoints.templated.edits", "ignore");
        properties.put("wabridge.endpoints.templated.revokes", "ignore");
        // Real-time translation (TranslationIT): DeepL's API faked by WireMock under /deepl; "untranslatable"'s provider is down.
        properties.put("wabridge.endpoints.translated.phone-number-id", "9011");
        properties.put("wabridge.endpoints.translated.cognigy.url", cognigy.baseUrl() + "/cognigy/translated");
        properties.put("wabridge.endpoints.translated.translation.enabled", "true");
        properties.put("wabridge.endpoints.translated.translation.provider", "deepl");
        properties.put("wabridge.endpoints.translated.translation.api-key", "it-deepl-key");
        properties.put("wabridge.endpoints.translated.translation.base-url", cognigy.baseUrl() + "/deepl");
        properties.put("wabridge.endpoints.translated.translation.detect-on-first", "2");
        properties.put("wabridge.endpoints.translated.translation.timeout", "10s");
        properties.put("wabridge.endpoints.untranslatable.phone-number-id", "9012");
        properties.put("wabridge.endpoints.untranslatable.cognigy.url", cognigy.baseUrl() + "/cognigy/untranslatable");
        properties.put("wabridge.endpoints.untranslatable.translation.enabled", "true");
        properties.put("wabridge.endpoints.untranslatable.translation.provider", "deepl");
        properties.put("wabridge.endpoints.untranslatable.translation.api-key", "it-deepl-key");
        properties.put("wabridge.endpoints.untranslatable.translation.base-url", cognigy.baseUrl() + "/deepl-down");
        properties.put("wabridge.endpoints.untranslatable.translation.user-language", "de");
        properties.put("wabridge.endpoints.untranslatable.translation.timeout", "900ms");
        // Identity (IdentityIT): the flow sees the phone number when known.
        properties.put("wabridge.endpoints.by-phone.phone-number-id", "9031");
        properties.put("wabridge.endpoints.by-phone.cognigy.url", cognigy.baseUrl() + "/cognigy/by-phone");
        properties.put("wabridge.endpoints.by-phone.cognigy.user-id", "phone-number");
        // WhatsApp's own humans (HumanRepliesIT): an echo pauses the bot for 2 h.
        properties.put("wabridge.endpoints.humans.phone-number-id", "9021");
        properties.put("wabridge.endpoints.humans.cognigy.url", cognigy.baseUrl() + "/cognigy/humans");
        properties.put("wabridge.endpoints.humans.human-replies.pause", "2h");
        // Handover (HandoverIT): the kafka provider with a cancel keyword on "desk"; an inactivity timeout on "quiet";
        // the HTTP test desk (HttpDeskProvider, WireMock under /desk) on "unreachable", which WireMock plays down.
        properties.put("wabridge.endpoints.desk.phone-number-id", "9013");
        properties.put("wabridge.endpoints.desk.cognigy.url", cognigy.baseUrl() + "/cognigy/desk");
        properties.put("wabridge.endpoints.desk.handover.cancel-keyword", "Cancel");
        properties.put("wabridge.endpoints.quiet.phone-number-id", "9014");
        properties.put("wabridge.endpoints.quiet.cognigy.url", cognigy.baseUrl() + "/cognigy/quiet");
        properties.put("wabridge.endpoints.quiet.handover.inactivity-timeout", "4s");
        properties.put("wabridge.endpoints.quiet.handover.inactivity-warning", "2s");
        properties.put("wabridge.endpoints.mirrored.phone-number-id", "9016");
        properties.put("wabridge.endpoints.mirrored.cognigy.url", cognigy.baseUrl() + "/cognigy/mirrored");
        properties.put("wabridge.endpoints.mirrored.handover.mirror", "true");
        properties.put("wabridge.endpoints.unreachable.phone-number-id", "9015");
        properties.put("wabridge.endpoints.unreachable.cognigy.url", cognigy.baseUrl() + "/cognigy/unreachable");
        properties.put("wabridge.endpoints.unreachable.handover.provider", HttpDeskProvider.NAME);
        properties.put("wabridge.endpoints.unreachable.handover.provider-attempts", "3");
        properties.put("wabridge.endpoints.unreachable.handover.provider-backoff", "10ms");
        properties.put("wabridge.endpoints.unreachable.handover.texts.error", "No agent right now, back to the bot.");
        // The chatwoot provider (ChatwootHandoverIT): WireMock plays Chatwoot under /chatwoot, and a Chatwoot that is down under /chatwoot-down.
        properties.put("wabridge.endpoints.chatwoot.phone-number-id", "9017");
        properties.put("wabridge.endpoints.chatwoot.cognigy.url", cognigy.baseUrl() + "/cognigy/chatwoot");
        properties.put("wabridge.endpoints.chatwoot.handover.provider", "chatwoot");
        properties.put("wabridge.endpoints.chatwoot.handover.cancel-keyword", "cancel");
        properties.put("wabridge.endpoints.chatwoot.handover.chatwoot.base-url", cognigy.baseUrl() + "/chatwoot");
        properties.put("wabridge.endpoints.chatwoot.handover.chatwoot.api-access-token", "it-chatwoot-token");
        properties.put("wabridge.endpoints.chatwoot.handover.chatwoot.account-id", "7");
        properties.put("wabridge.endpoints.chatwoot.handover.chatwoot.inbox-id", "3");
        properties.put("wabridge.endpoints.chatwoot.handover.chatwoot.webhook-token", "it-webhook-token");
        properties.put("wabridge.endpoints.chatwoot-down.phone-number-id", "9018");
        properties.put("wabridge.endpoints.chatwoot-down.cognigy.url", cognigy.baseUrl() + "/cognigy/chatwoot-down");
        properties.put("wabridge.endpoints.chatwoot-down.handover.provider", "chatwoot");
        properties.put("wabridge.endpoints.chatwoot-down.handover.provider-attempts", "2");
        properties.put("wabridge.endpoints.chatwoot-down.handover.provider-backoff", "10ms");
        properties.put("wabridge.endpoints.chatwoot-down.handover.chatwoot.base-url", cognigy.baseUrl() + "/chatwoot-down");
        properties.put("wabridge.endpoints.chatwoot-down.handover.chatwoot.api-access-token", "it-chatwoot-token");
        properties.put("wabridge.endpoints.chatwoot-down.handover.chatwoot.account-id", "7");
        properties.put("wabridge.endpoints.chatwoot-down.handover.chatwoot.inbox-id", "3");
        properties.put("wabridge.endpoints.chatwoot-down.handover.chatwoot.webhook-secret", "it-webhook-secret");
        properties.put("wabridge.processor.cognigy.max-attempts", "2");
        properties.put("wabridge.processor.cognigy.initial-backoff", "20ms");
        properties.put("wabridge.processor.pipeline.transactional-id", "processor-it");
        properties.put("wabridge.processor.pipeline.commit-interval", "20ms");
        properties.put("wabridge.processor.pipeline.workers", "32");
        properties.put("wabridge.processor.pipeline.drain-timeout", "10s");
        return properties;
    }

    @BeforeEach
    void connect() {
        synchronized (ProcessorITSupport.class) {
            if (producer == null) {
                String servers = TestKafkaBroker.bootstrapServers();
                outbound = new TopicCollector(servers, Topics.OUTBOUND);
                deadLetters = new TopicCollector(servers, Topics.deadLetterOf(Topics.INBOUND));
                producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers),
                        new StringSerializer(), new ByteArraySerializer());
            }
        }
    }

    /** A user id no other test (or earlier run against the same broker) uses. */
    static String newUser() {
        return Long.toString(ThreadLocalRandom.current().nextLong(10_000_000_000L, 99_999_999_999L));
    }

    void send(InboundEvent event) {
        send(codec.record(Topics.INBOUND, event.conversationKey(), event, null));
    }

    void send(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    List<OutboundMessage> outbound(String conversationKey) {
        return outbound.withKey(conversationKey).stream().map(record -> codec.read(record, OutboundMessage.class)).toList();
    }

    List<ConsumerRecord<String, byte[]>> outboundRecords(String conversationKey) {
        return outbound.withKey(conversationKey);
    }

    List<ConsumerRecord<String, byte[]>> deadLetters(String conversationKey) {
        return deadLetters.withKey(conversationKey);
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        return EventCodec.header(record.headers(), name);
    }

    static String failureReason(ConsumerRecord<String, byte[]> record) {
        return header(record, EventHeaders.FAILURE_REASON);
    }

    /** The Cognigy calls made for a user, oldest first. */
    static List<LoggedRequest> cognigyCalls(String userId) {
        return cognigy.findAll(postRequestedFor(urlPathMatching("/cognigy/.*"))
                        .withRequestBody(matchingJsonPath("$.userId", equalTo(userId)))).stream()
                .sorted(Comparator.comparing(LoggedRequest::getLoggedDate)).toList();
    }

    static JsonNode body(LoggedRequest request) {
        try {
            return Json.mapper().readTree(request.getBody());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Finished spans, exported in-process: Spring Boot hands every {@code SpanExporter} bean to the tracer. */
    @TestConfiguration(proxyBeanMethods = false)
    static class SpanCapture {
        @Bean
        InMemorySpanExporter spans() {
            return InMemorySpanExporter.create();
        }
    }

    /** A handover provider over real HTTP, WireMock playing the desk (HandoverIT). */
    @TestConfiguration(proxyBeanMethods = false)
    static class TestDesk {
        @Bean
        HttpDeskProvider httpDeskProvider() {
            return new HttpDeskProvider(cognigy.baseUrl());
        }
    }

    static String textOf(OutboundMessage message) {
        return message.message().path("text").path("body").asText();
    }
}
