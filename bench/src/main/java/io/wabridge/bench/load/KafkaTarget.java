package io.wabridge.bench.load;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Records straight to a topic with the producer settings ingress uses (its {@code ingress.yml}
 * and {@code ProducerTuning}): the ceiling for what ingress can acknowledge. Each record has the
 * key, headers and roughly the value size of an inbound message event.
 */
public final class KafkaTarget implements LoadTarget {

    /** The producer settings of ingress-service, besides the bootstrap servers and serializers. */
    public static final Map<String, Object> INGRESS_PRODUCER_SETTINGS = Map.of(
            ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
            ProducerConfig.LINGER_MS_CONFIG, 2,
            ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000,
            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000,
            ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);

    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final WebhookBodies bodies;

    public KafkaTarget(String bootstrapServers, String topic, WebhookBodies bodies) {
        Map<String, Object> config = new HashMap<>(INGRESS_PRODUCER_SETTINGS);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "bench-producer-ceiling");
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        this.topic = topic;
        this.bodies = bodies;
    }

    @Override
    public void submit(long sequence, long intendedNanos, Completion completion) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, bodies.conversationKey(sequence), value(sequence));
        record.headers().add("event-type", utf8("inbound"));
        record.headers().add("schema-version", utf8("1"));
        record.headers().add("traceparent", utf8("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));
        try {
            producer.send(record, (metadata, error) ->
                    completion.completed(error == null ? 200 : Completion.FAILED, intendedNanos));
        } catch (RuntimeException e) {
            completion.completed(Completion.FAILED, intendedNanos);
        }
    }

    /** An inbound-event-sized value: the webhook body wrapped as the event's {@code message} field. */
    private byte[] value(long sequence) {
        String event = "{\"schemaVersion\":1,\"eventId\":\"bench-" + sequence + "\",\"kind\":\"message\",\"endpointId\":\"bench\","
                + "\"conversationKey\":\"" + bodies.conversationKey(sequence) + "\",\"payload\":";
        byte[] head = utf8(event);
        byte[] body = bodies.body(sequence);
        byte[] value = new byte[head.length + body.length + 1];
        System.arraycopy(head, 0, value, 0, head.length);
        System.arraycopy(body, 0, value, head.length, body.length);
        value[value.length - 1] = '}';
        return value;
    }

    @Override
    public long abandonQueued() {
        return 0;
    }

    @Override
    public void close() {
        producer.close();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
