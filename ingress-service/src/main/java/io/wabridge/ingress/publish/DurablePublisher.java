package io.wabridge.ingress.publish;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

/**
 * Sends a delivery's records and waits, up to the publish timeout, until the broker has
 * acknowledged all of them. The caller answers 200 only on {@link PublishOutcome#written()}.
 *
 * <p>Records go out in list order through one idempotent producer, so records with the same key
 * keep their order in the partition. If the delivery is not fully written, some records may be
 * written anyway; Meta's retry then delivers them again and the processor's dedupe (event ids are
 * deterministic) drops the duplicates. That is the price of never answering 200 too early.
 */
@Component
public class DurablePublisher {

    private static final Logger log = LoggerFactory.getLogger(DurablePublisher.class);

    private final KafkaTemplate<String, byte[]> kafka;
    private final Duration timeout;
    private final Timer written;
    private final Timer notWritten;

    DurablePublisher(KafkaTemplate<String, byte[]> kafka, PublishSettings settings, MeterRegistry meters) {
        this.kafka = kafka;
        this.timeout = settings.timeout();
        this.written = publishTimer(meters, "written");
        this.notWritten = publishTimer(meters, "not_written");
    }

    /** Time from the first send until the broker acknowledged every record of a delivery (or it failed). */
    private static Timer publishTimer(MeterRegistry meters, String outcome) {
        return Timer.builder("wabridge.ingress.publish")
                .description("Kafka write of one delivery's records until the broker acknowledged all of them")
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .register(meters);
    }

    public PublishOutcome publish(List<ProducerRecord<String, byte[]>> records) {
        long started = System.nanoTime();
        PublishOutcome outcome = write(records);
        (outcome.written() ? written : notWritten).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        return outcome;
    }

    private PublishOutcome write(List<ProducerRecord<String, byte[]>> records) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<CompletableFuture<SendResult<String, byte[]>>> sends = new ArrayList<>(records.size());
        for (ProducerRecord<String, byte[]> record : records) {
            if (System.nanoTime() > deadline) {
                return PublishOutcome.notWritten(records.size(), "broker did not accept the records within " + timeout);
            }
            CompletableFuture<SendResult<String, byte[]>> send;
            try {
                send = kafka.send(record);
            } catch (RuntimeException e) {
                return failed(records.size(), e);
            }
            // A send that failed at once (metadata timeout: broker unreachable) fails the delivery;
            // sending the rest would only make the caller wait max.block.ms for each of them.
            if (send.isCompletedExceptionally()) {
                return awaitAll(List.of(send), records.size(), deadline);
            }
            sends.add(send);
        }
        return awaitAll(sends, records.size(), deadline);
    }

    private PublishOutcome awaitAll(List<CompletableFuture<SendResult<String, byte[]>>> sends, int records, long deadline) {
        try {
            long remaining = Math.max(0, deadline - System.nanoTime());
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(remaining, TimeUnit.NANOSECONDS);
            return PublishOutcome.allWritten(records);
        } catch (TimeoutException e) {
            return PublishOutcome.notWritten(records, "broker did not acknowledge within " + timeout);
        } catch (ExecutionException e) {
            return failed(records, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return PublishOutcome.notWritten(records, "interrupted");
        }
    }

    private static PublishOutcome failed(int records, Throwable cause) {
        log.error("Kafka write of a webhook delivery failed ({} records)", records, cause);
        return PublishOutcome.notWritten(records, "Kafka write failed: " + rootMessage(cause));
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
