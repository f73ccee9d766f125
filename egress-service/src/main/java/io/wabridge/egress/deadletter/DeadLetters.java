package io.wabridge.egress.deadletter;

import io.micrometer.core.instrument.MeterRegistry;
import io.wabridge.model.event.WhatsAppError;
import io.wabridge.model.privacy.Masking;
import io.wabridge.support.endpoint.Endpoints;
import io.wabridge.support.kafka.DeadLetterRecords;
import io.wabridge.support.privacy.LogMasking;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Writes an outbound record that cannot be sent to {@code whatsapp.outbound-dlt}: the original
 * key, value and headers, plus why. The value is kept byte for byte, so a poison record can be
 * inspected and a fixed one re-driven.
 */
public class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final KafkaTemplate<String, byte[]> template;
    private final String topic;
    private final Endpoints endpoints;
    private final MeterRegistry meters;

    public DeadLetters(KafkaTemplate<String, byte[]> template, String topic, Endpoints endpoints, MeterRegistry meters) {
        this.template = template;
        this.topic = topic;
        this.endpoints = endpoints;
        this.meters = meters;
    }

    /**
     * @param graphError the Graph error behind the failure, or null
     * @param httpStatus the last HTTP status, or 0
     */
    public CompletableFuture<Void> publish(ConsumerRecord<String, byte[]> source, String reason, WhatsAppError graphError, int httpStatus) {
        ProducerRecord<String, byte[]> record = DeadLetterRecords.of(source, topic, reason);
        Headers headers = record.headers();
        if (httpStatus > 0) {
            add(headers, DeadLetterHeaders.GRAPH_HTTP_STATUS, Integer.toString(httpStatus));
        }
        if (graphError != null) {
            add(headers, DeadLetterHeaders.GRAPH_ERROR_CODE, Integer.toString(graphError.code()));
            add(headers, DeadLetterHeaders.GRAPH_ERROR_TITLE, graphError.title());
            add(headers, DeadLetterHeaders.GRAPH_ERROR_MESSAGE, graphError.message());
            add(headers, DeadLetterHeaders.GRAPH_ERROR_DETAILS, graphError.details());
            add(headers, DeadLetterHeaders.GRAPH_FBTRACE_ID, graphError.fbtraceId());
        }
        // By Graph error code: "none" for records that never reached Graph (unreadable, unknown endpoint, no answer).
        meters.counter("wabridge.egress.dead.letters", "code", graphError != null ? Integer.toString(graphError.code()) : "none")
                .increment();
        Masking masking = LogMasking.forKey(endpoints, source.key());
        log.warn("dead-lettering outbound record {}-{}@{} (key {}): {}", source.topic(), source.partition(), source.offset(),
                masking.key(source.key()), LogMasking.scrubUser(masking, reason, source.key()));
        return template.send(record).thenApply(result -> null);
    }

    private static void add(Headers headers, String name, String value) {
        DeadLetterRecords.set(headers, name, value);
    }
}
