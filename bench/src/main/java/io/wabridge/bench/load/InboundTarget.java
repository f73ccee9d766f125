package io.wabridge.bench.load;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wabridge.bench.fake.Stamp;
import io.wabridge.model.EventIds;
import io.wabridge.model.Json;
import io.wabridge.model.event.InboundEvent;
import io.wabridge.model.event.InboundKind;
import io.wabridge.support.kafka.EventCodec;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Text-message {@link InboundEvent}s, as ingress writes them (same fields, key and headers via
 * {@link EventCodec}), straight to {@code whatsapp.inbound}: load for the processor without ingress.
 * Message {@code sequence} comes from sender {@link WebhookBodies#waId} with wamid
 * {@code wamid.bench-<sequence>}; its text carries the sequence and the intended send time
 * ({@link Stamp}), which the echo bot returns, so the reply on {@code whatsapp.outbound} says when
 * its turn was due.
 */
public final class InboundTarget implements LoadTarget {

    private final KafkaProducer<String, byte[]> producer;
    private final EventCodec codec = new EventCodec();
    private final String topic;
    private final String endpointId;
    private final WebhookBodies bodies;

    public InboundTarget(String bootstrapServers, String topic, String endpointId, WebhookBodies bodies) {
        Map<String, Object> config = new HashMap<>(KafkaTarget.INGRESS_PRODUCER_SETTINGS);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "bench-inbound");
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        this.topic = topic;
        this.endpointId = endpointId;
        this.bodies = bodies;
    }

    @Override
    public void submit(long sequence, long intendedNanos, Completion completion) {
        try {
            InboundEvent event = event(bodies, endpointId, sequence, EpochClock.micros(intendedNanos));
            ProducerRecord<String, byte[]> record = codec.record(topic, event.conversationKey(), event, null);
            producer.send(record, (metadata, error) -> completion.completed(error == null ? 200 : Completion.FAILED, intendedNanos));
        } catch (RuntimeException e) {
            completion.completed(Completion.FAILED, intendedNanos);
        }
    }

    static InboundEvent event(WebhookBodies bodies, String endpointId, long sequence, long intendedMicros) {
        String phoneNumberId = bodies.phoneNumberId();
        String waId = bodies.waId(sequence);
        String wamid = "wamid.bench-" + sequence;
        Instant now = Instant.now();
        ObjectNode message = Json.mapper().createObjectNode();
        message.put("from", waId);
        message.put("id", wamid);
        message.put("timestamp", Long.toString(now.getEpochSecond()));
        message.put("type", "text");
        message.putObject("text").put("body", Stamp.text(sequence, intendedMicros, "Benchmark message, does it come in another color?"));
        ObjectNode contact = Json.mapper().createObjectNode();
        contact.putObject("profile").put("name", "Bench User " + waId);
        contact.put("wa_id", waId);
        ObjectNode metadata = Json.mapper().createObjectNode();
        metadata.put("display_phone_number", "15550783881");
        metadata.put("phone_number_id", phoneNumberId);
        return new InboundEvent(InboundEvent.SCHEMA_VERSION, EventIds.inboundMessage(phoneNumberId, wamid), InboundKind.MESSAGE,
                endpointId, phoneNumberId, phoneNumberId + ":" + waId, waId, wamid, "text", now, now, "Bench User " + waId,
                null, null, null, message, contact, metadata);
    }

    @Override
    public long abandonQueued() {
        return 0;
    }

    @Override
    public void close() {
        producer.close();
    }
}
