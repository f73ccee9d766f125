package io.wabridge.processor;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.wabridge.model.EventHeaders;
import io.wabridge.model.Topics;
import io.wabridge.model.event.InboundEvent;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthEndpoint;

/** What the processor shows of a turn: the trace continued to its replies, the ingress time passed on, the meters. */
class ProcessorObservabilityIT extends ProcessorITSupport {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String INGRESS_SPAN = "00f067aa0ba902b7";
    private static final String HTTP_TRACE_ID = "5ce0e9a56015fec5aadfa328ae398115";

    @Autowired
    MeterRegistry meters;

    @Autowired
    InMemorySpanExporter spans;

    @Autowired
    HealthEndpoint health;

    @Autowired
    PrometheusMeterRegistry prometheus;

    @Test
    void repliesContinueTheInboundTraceAndCarryTheIngressTime() {
        String user = newUser();
        InboundEvent event = TestEvents.text(TestEvents.PHONE_NUMBER_ID, user, "wamid.obs-" + user, "trace me", TestEvents.T0);
        ProducerRecord<String, byte[]> record = codec.record(Topics.INBOUND, event.conversationKey(), event,
                "00-" + TRACE_ID + "-" + INGRESS_SPAN + "-01");
        long callsBefore = count(meters.find("wabridge.processor.cognigy.calls").tags("endpoint", "demo", "outcome", "ok").timer());

        send(record);

        await().atMost(Duration.ofSeconds(30)).until(() -> !outboundRecords(event.conversationKey()).isEmpty());
        ConsumerRecord<String, byte[]> reply = outboundRecords(event.conversationKey()).get(0);
        assertThat(header(reply, EventHeaders.TRACEPARENT)).matches("00-" + TRACE_ID + "-[0-9a-f]{16}-01");
        assertThat(header(reply, EventHeaders.INGRESS_RECEIVED_AT)).isEqualTo(event.receivedAt().toString());
        await().atMost(Duration.ofSeconds(15)).until(() -> span("cognigy call") != null);
        SpanData turn = span("processor turn");
        assertThat(turn.getParentSpanId()).as("the turn continues the ingress span").isEqualTo(INGRESS_SPAN);
        assertThat(span("cognigy call").getParentSpanId()).isEqualTo(turn.getSpanId());
        assertThat(header(reply, EventHeaders.TRACEPARENT)).as("the reply's parent is the turn").contains(turn.getSpanId());
        assertThat(count(meters.find("wabridge.processor.cognigy.calls").tags("endpoint", "demo", "outcome", "ok").timer()))
                .isEqualTo(callsBefore + 1);
    }

    @Test
    void theCognigyRequestCarriesTheTurnsTraceAndIsAnHttpClientRequest() {
        String user = newUser();
        InboundEvent event = TestEvents.text(TestEvents.PHONE_NUMBER_ID, user, "wamid.http-" + user, "trace the call", TestEvents.T0);

        send(codec.record(Topics.INBOUND, event.conversationKey(), event, "00-" + HTTP_TRACE_ID + "-" + INGRESS_SPAN + "-01"));

        await().atMost(Duration.ofSeconds(30)).until(() -> !cognigyCalls(user).isEmpty());
        String traceparent = cognigyCalls(user).get(0).getHeader(EventHeaders.TRACEPARENT);
        assertThat(traceparent).as("the traceparent Cognigy received").matches("00-" + HTTP_TRACE_ID + "-[0-9a-f]{16}-01");
        await().atMost(Duration.ofSeconds(15)).until(() -> span("http post", HTTP_TRACE_ID) != null);
        SpanData request = span("http post", HTTP_TRACE_ID);
        assertThat(traceparent).as("Cognigy's parent is the HTTP client span").contains(request.getSpanId());
        assertThat(request.getParentSpanId()).isEqualTo(span("cognigy call", HTTP_TRACE_ID).getSpanId());
        assertThat(request.getAttributes().asMap().toString()).as("the URL token stays out of spans")
                .contains(cognigy.baseUrl()).doesNotContain("/cognigy/demo");
        assertThat(prometheus.scrape()).as("Boot's HTTP client timer, without the URL's path")
                .containsPattern("http_client_requests_seconds_count\\{[^}]*client_name=\"localhost\"[^}]*uri=\"none\"")
                .doesNotContain("/cognigy/demo");
    }

    @Test
    void countsCognigyFailuresByOutcomeAndTheDeadLetter() {
        String user = newUser();
        cognigy.stubFor(post(urlPathEqualTo("/cognigy/reader")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.userId", equalTo(user))).willReturn(aResponse().withStatus(500)));
        double deadBefore = counter("wabridge.processor.dead.letters", "reason", "cognigy-unavailable");
        double fallbackBefore = counter("wabridge.processor.turns", "outcome", "fallback");
        long failedBefore = count(meters.find("wabridge.processor.cognigy.calls")
                .tags("endpoint", "reader", "outcome", "cognigy-unavailable").timer());
        InboundEvent event = TestEvents.text("2002", user, "wamid.obs-" + user, "anyone?", TestEvents.T0);

        send(event);

        await().atMost(Duration.ofSeconds(30)).until(() -> !deadLetters(event.conversationKey()).isEmpty());
        assertThat(count(meters.find("wabridge.processor.cognigy.calls")
                .tags("endpoint", "reader", "outcome", "cognigy-unavailable").timer())).isEqualTo(failedBefore + 1);
        assertThat(counter("wabridge.processor.dead.letters", "reason", "cognigy-unavailable")).isEqualTo(deadBefore + 1);
        assertThat(counter("wabridge.processor.turns", "outcome", "fallback")).isEqualTo(fallbackBefore + 1);
        assertThat(prometheus.scrape()).as("/actuator/prometheus, with buckets for percentiles")
                .containsPattern("wabridge_processor_cognigy_calls_seconds_bucket\\{[^}]*endpoint=\"reader\"")
                .containsPattern("wabridge_processor_dead_letters_total\\{reason=\"cognigy-unavailable\"")
                .containsPattern("wabridge_processor_turn_duration_seconds_bucket\\{")
                .contains("kafka_consumer_fetch_manager_records_lag_max");
    }

    @Test
    void consumerLagAndCognigyCircuitsAreVisible() {
        await().atMost(Duration.ofSeconds(30)).until(() ->
                !meters.find("kafka.consumer.fetch.manager.records.lag.max").gauges().isEmpty());
        Health cognigyHealth = (Health) health.healthForPath("cognigy");
        assertThat(cognigyHealth.getStatus().getCode()).isEqualTo("UP");
        assertThat(cognigyHealth.getDetails().get("circuits").toString()).contains("demo=");
        assertThat(meters.find("wabridge.processor.cognigy.circuit.open").tag("endpoint", "demo").gauge()).isNotNull();
    }

    private double counter(String name, String tag, String value) {
        return meters.find(name).tag(tag, value).counters().stream().mapToDouble(Counter::count).sum();
    }

    private static long count(Timer timer) {
        return timer == null ? 0 : timer.count();
    }

    private SpanData span(String name) {
        return span(name, TRACE_ID);
    }

    private SpanData span(String name, String traceId) {
        List<SpanData> found = spans.getFinishedSpanItems().stream()
                .filter(span -> span.getName().equals(name) && span.getTraceId().equals(traceId)).toList();
        return found.isEmpty() ? null : found.get(0);
    }
}
