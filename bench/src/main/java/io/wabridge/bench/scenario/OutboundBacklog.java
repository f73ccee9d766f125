package io.wabridge.bench.scenario;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wabridge.bench.fake.Stamp;
import io.wabridge.model.Json;
import io.wabridge.model.Topics;
import io.wabridge.model.event.OutboundKind;
import io.wabridge.model.event.OutboundMessage;
import io.wabridge.support.kafka.EventCodec;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes a backlog of text {@link OutboundMessage}s to {@code whatsapp.outbound}, as the processor
 * would (same records, same headers via {@link EventCodec}): {@code perRecipient} messages to each
 * of {@code recipients} users, interleaved (one to each user, then the second to each, …). Message
 * {@code j} of user {@code r} carries sequence {@code first + j × recipients + r} in its text, so each
 * user's sequence numbers rise in the order they must be sent.
 */
final class OutboundBacklog {

    static final long FIRST_RECIPIENT = 491_520_000_000L;

    private OutboundBacklog() {
    }

    /** Writes the backlog and waits until the broker acknowledged all of it; returns the sequence numbers written. */
    static Set<Long> write(String bootstrapServers, Systems.Endpoint endpoint, int recipients, int perRecipient, long first) {
        EventCodec codec = new EventCodec();
        Set<Long> sequences = new HashSet<>();
        AtomicLong failed = new AtomicLong();
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            Instant now = Instant.now();
            for (int j = 0; j < perRecipient; j++) {
                for (int r = 0; r < recipients; r++) {
                    long sequence = first + (long) j * recipients + r;
                    String recipient = Long.toString(FIRST_RECIPIENT + r);
                    String key = endpoint.phoneNumberId() + ":" + recipient;
                    ObjectNode message = Json.mapper().createObjectNode();
                    message.put("type", "text");
                    message.putObject("text").put("body", Stamp.text(sequence, -1, "Your order has shipped."));
                    OutboundMessage outbound = new OutboundMessage(OutboundMessage.SCHEMA_VERSION, "bench-out-" + sequence,
                            "bench-in-" + sequence, 0, OutboundKind.MESSAGE, endpoint.id(), endpoint.phoneNumberId(), key,
                            recipient, null, message, now);
                    producer.send(codec.record(Topics.OUTBOUND, key, outbound, null), (metadata, error) -> {
                        if (error != null) {
                            failed.incrementAndGet();
                        }
                    });
                    sequences.add(sequence);
                }
            }
            producer.flush();
        }
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " backlog records were not written to " + Topics.OUTBOUND);
        }
        return sequences;
    }
}
