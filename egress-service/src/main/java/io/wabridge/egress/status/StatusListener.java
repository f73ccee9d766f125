package io.wabridge.egress.status;

import io.wabridge.support.consume.ConsumerLoop;
import io.wabridge.support.consume.LoopSession;
import io.wabridge.support.consume.ReaderSession;
import io.wabridge.support.kafka.KafkaClientFactory;
import io.wabridge.model.event.StatusEvent;
import io.wabridge.model.settings.EndpointSettings;
import io.wabridge.model.event.StatusSource;
import io.wabridge.model.privacy.Masking;
import io.wabridge.support.endpoint.Endpoints;
import io.wabridge.support.kafka.EventCodec;
import io.wabridge.support.kafka.KafkaClientFactory;
import io.wabridge.support.kafka.TopicSettings;
import io.wabridge.support.kafka.UnreadableEventException;
import io.wabridge.support.privacy.LogMasking;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads Meta's status webhooks from {@code whatsapp.statuses} and hands them to the
 * {@link DeliveryWatch}. Every instance reads every partition from the end, without a group:
 * whichever instance sent a message is the one waiting for its status, and statuses from
 * before the start concern sends this instance never made. It starts reading (positions fixed)
 * before the first send, so no status of one of our sends is missed.
 */
public class StatusListener extends ConsumerLoop {

    private static final Logger log = LoggerFactory.getLogger(StatusListener.class);

    private final KafkaClientFactory clients;
    private final EventCodec codec;
    private final TopicSettings topics;
    private final DeliveryWatch watch;
    private final boolean needed;

    /** @param needed false when no endpoint waits for statuses: then the listener does not start at all */
    public StatusListener(KafkaClientFactory clients, EventCodec codec, TopicSettings topics, DeliveryWatch watch, boolean needed) {
        super("statuses", Integer.MAX_VALUE - 2000, true);
        this.clients = clients;
        this.codec = codec;
        this.topics = topics;
        this.watch = watch;
        this.needed = needed;
    }

    /**
     * Only {@code delivered} ordering waits for status webhooks. With every endpoint on
     * {@code accepted} (the default), reading every status of every instance, egress's own
     * {@code accepted} events included, would be work for nothing: about a tenth of egress's CPU
     * in the end-to-end benchmark.
     */
    public static boolean needed(Endpoints endpoints) {
        return endpoints.all().stream()
                .anyMatch(endpoint -> endpoint.settings().delivery().ordering() == EndpointSettings.OrderingMode.DELIVERED);
    }

    @Override
    public boolean isAutoStartup() {
        return needed;
    }

    @Override
    protected LoopSession openSession() {
        return new ReaderSession(new ReaderSession.Reader() {
            @Override
            public Consumer<String, byte[]> open() {
                return openConsumer();
            }

            @Override
            public void poll(Consumer<String, byte[]> consumer) {
                pollOnce(consumer);
            }
        });
    }

    private Consumer<String, byte[]> openConsumer() {
        Consumer<String, byte[]> consumer = clients.consumer(null, "statuses", Map.of());
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(topics.statuses()).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // resolve the end now, not lazily after our first send
            return consumer;
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
    }

    private void pollOnce(Consumer<String, byte[]> consumer) {
        // Statuses end a poll at once; the timeout only sets how often an idle reader wakes up.
        consumer.poll(Duration.ofSeconds(1)).forEach(this::handle);
    }

    private void handle(ConsumerRecord<String, byte[]> record) {
        try {
            StatusEvent status = codec.read(record, StatusEvent.class);
            if (status.source() == StatusSource.WEBHOOK) {
                watch.onStatus(status);
            }
        } catch (UnreadableEventException e) {
            // Masked always (no endpoint is known here): a parser's message may quote the record.
            log.debug("skipping unreadable status at {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    LogMasking.message(Masking.ON, e));
        }
    }
}
