package io.wabridge.egress;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.wabridge.model.EventHeaders;
import io.wabridge.model.Topics;
import io.wabridge.model.event.OutboundMessage;
import io.wabridge.support.kafka.DeadLetterRecords;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.SystemHealth;

/** What egress shows of its sends: the trace continued from the record to the Graph request, and the meters. */
class EgressObservabilityIT extends EgressITSupport {

    private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";

    @Autowired
    InMemorySpanExporter spans;

    @Autowired
    MeterRegistry meters;

    @Autowired
    HealthEndpoint health;

    @Autowired
    PrometheusMeterRegistry prometheus;

    @Test
    void theRecordsTraceIdIsOnTheSendSpanAndTheGraphRequest() {
        OutboundMessage message = text("fast", "1004", newRecipient(), 0, "traced");
        ProducerRecord<String, byte[]> record = codec().record(Topics.OUTBOUND, message.conversationKey(), message,
                "00-" + TRACE_ID + "-b7ad6b7169203331-01");
        DeadLetterRecords.set(record.headers(), EventHeaders.INGRESS_RECEIVED_AT, Instant.now().minusSeconds(2).toString());
        long endToEndBefore = count(meters.find("wabridge.egress.end.to.end").tag("endpoint", "fast").timer());

        publish(record);

        await().atMost(Duration.ofSeconds(20)).until(() -> GraphErrorsIT.accepted(message).isPresent());
        LoggedRequest request = requestsFor(message).get(0);
        assertThat(request.getHeader(EventHeaders.TRACEPARENT)).as("the Graph request continues the trace")
                .matches("00-" + TRACE_ID + "-[0-9a-f]{16}-01");
        await().atMost(Duration.ofSeconds(15)).until(() -> span("egress send", TRACE_ID) != null);
        SpanData send = span("egress send", TRACE_ID);
        assertThat(send.getParentSpanId()).as("the record's span is the parent").isEqualTo("b7ad6b7169203331");
        SpanData graphCall = span("graph send", TRACE_ID);
        assertThat(graphCall).isNotNull();
        assertThat(graphCall.getParentSpanId()).isEqualTo(send.getSpanId());
        assertThat(request.getHeader(EventHeaders.TRACEPARENT)).as("the request carries the Graph call span")
                .contains(graphCall.getSpanId());
        Timer endToEnd = meters.find("wabridge.egress.end.to.end").tag("endpoint", "fast").timer();
        assertThat(count(endToEnd)).isEqualTo(endToEndBefore + 1);
        assertThat(endToEnd.max(java.util.concurrent.TimeUnit.MILLISECONDS)).as("at least the 2 s since ingress").isGreaterThanOrEqualTo(2000);
    }

    @Test
    void countsGraphAnswersByErrorCodeRetriesAndDeadLetters() {
        String retried = newRecipient();
        stub(post(urlPathMatching(MESSAGES_PATH)).atPriority(1).inScenario("pair-" + retried)
                .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .withRequestBody(matchingJsonPath("$.to", equalTo(retried)))
                .willReturn(GraphErrorsIT.graphError(400, 131056, "Pair rate limit hit")).willSetStateTo("recovered"));
        String refused = newRecipient();
        stub(post(urlPathMatching(MESSAGES_PATH)).atPriority(1).withRequestBody(matchingJsonPath("$.to", equalTo(refused)))
                .willReturn(GraphErrorsIT.graphError(400, 131026, "Message undeliverable")));
        long pairBefore = count(meters.find("wabridge.egress.graph.calls").tag("code", "131056").timer());
        double retriesBefore = counter("wabridge.egress.retries", Map.of());
        double deadBefore = counter("wabridge.egress.dead.letters", Map.of("code", "131026"));
        OutboundMessage toRetried = text("fast", "1004", retried, 0, "after a pair rate limit");
        OutboundMessage toRefused = text("fast", "1004", refused, 0, "undeliverable");

        publish(Topics.OUTBOUND, toRetried);
        publish(Topics.OUTBOUND, toRefused);

        await().atMost(Duration.ofSeconds(20)).until(() -> GraphErrorsIT.accepted(toRetried).isPresent());
        await().atMost(Duration.ofSeconds(20)).until(() -> !GraphErrorsIT.deadLetters(toRefused).isEmpty());
        Timer pair = meters.find("wabridge.egress.graph.calls").tags("code", "131056", "endpoint", "fast").timer();
        assertThat(count(pair)).isEqualTo(pairBefore + 1);
        assertThat(pair.getId().getTag("result")).isEqualTo("pair_throttled");
        assertThat(counter("wabridge.egress.retries", Map.of())).isGreaterThanOrEqualTo(retriesBefore + 1);
        assertThat(counter("wabridge.egress.dead.letters", Map.of("code", "131026"))).isEqualTo(deadBefore + 1);
        assertThat(meters.find("wabridge.egress.graph.calls").tags("code", "none", "result", "accepted").timer()).isNotNull();
        String scrape = prometheus.scrape();
        assertThat(scrape).as("/actuator/prometheus: by Graph code, with buckets for percentiles")
                .containsPattern("wabridge_egress_graph_calls_seconds_count\\{[^}]*code=\"131056\"")
                .containsPattern("wabridge_egress_graph_calls_seconds_bucket\\{")
                .containsPattern("wabridge_egress_dead_letters_total\\{code=\"131026\"")
                .containsPattern("wabridge_egress_pacing_wait_seconds_bucket\\{")
                .contains("wabridge_egress_retries_total");
    }

    @Test
    void consumerLagAndCircuitStatesAreVisible() {
        assertThat(meters.find("kafka.consumer.fetch.manager.records.lag.max").tag("client.id", "wabridge-egress-outbound").gauges())
                .as("KafkaClientMetrics bound to the outbound poll loop's consumer").isNotEmpty();
        HealthComponent graph = health.healthForPath("graph");
        assertThat(graph.getStatus().getCode()).isEqualTo("UP");
        assertThat(((org.springframework.boot.actuate.health.Health) graph).getDetails().get("circuits").toString())
                .contains("fast=CLOSED");
        assertThat(meters.find("wabridge.egress.graph.circuit.open").tag("endpoint", "fast").gauge().value()).isZero();
        assertThat(health.health()).isInstanceOf(SystemHealth.class);
    }

    private double counter(String name, Map<String, String> tags) {
        var search = meters.find(name);
        for (var tag : tags.entrySet()) {
            search = search.tag(tag.getKey(), tag.getValue());
        }
        return search.counters().stream().mapToDouble(io.micrometer.core.instrument.Counter::count).sum();
    }

    private static long count(Timer timer) {
        return timer == null ? 0 : timer.count();
    }

    private SpanData span(String name, String traceId) {
        List<SpanData> found = spans.getFinishedSpanItems().stream()
                .filter(span -> span.getName().equals(name) && span.getTraceId().equals(traceId)).toList();
        return found.isEmpty() ? null : found.get(0);
    }
}
