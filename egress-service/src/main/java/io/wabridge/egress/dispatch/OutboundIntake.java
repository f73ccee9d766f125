package io.wabridge.egress.dispatch;

import io.wabridge.egress.deadletter.DeadLetters;
import io.wabridge.model.event.OutboundKind;
import io.wabridge.model.event.OutboundMessage;
import io.wabridge.model.privacy.Masking;
import io.wabridge.support.consume.Outcome;
import io.wabridge.support.consume.Task;
import io.wabridge.support.endpoint.Endpoint;
import io.wabridge.support.endpoint.Endpoints;
import io.wabridge.support.kafka.EventCodec;
import io.wabridge.support.kafka.UnreadableEventException;
import io.wabridge.support.privacy.LogMasking;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The door between the poll loop and the sending: reads the record, checks it can be sent at all,
 * and makes it its recipient's next job. What cannot be sent goes straight to the dead-letter
 * topic, once, so a poison record never loops.
 */
final class OutboundIntake {

    private static final Logger log = LoggerFactory.getLogger(OutboundIntake.class);

    private final EventCodec codec;
    private final Endpoints endpoints;
    private final DeadLetters deadLetters;
    private final JobHandler handler;
    private final Executor worker;
    private final PacingGates gates = new PacingGates();

    /** @param worker runs what follows a finished job (the recipient's next one), never a Kafka client's thread */
    OutboundIntake(EventCodec codec, Endpoints endpoints, DeadLetters deadLetters, JobHandler handler, Executor worker) {
        this.codec = codec;
        this.endpoints = endpoints;
        this.deadLetters = deadLetters;
        this.handler = handler;
        this.worker = worker;
    }

    Executor worker() {
        return worker;
    }

    /**
     * The record's task: a job ordered by recipient (the record key, or the conversation key),
     * or a dead letter that waits for nothing.
     */
    Task<Void> prepare(ConsumerRecord<String, byte[]> record, BooleanSupplier revoked) {
        OutboundMessage message;
        try {
            message = codec.read(record, OutboundMessage.class);
        } catch (UnreadableEventException e) {
            // A parser's message may quote the record's text: only the exception class where logs are masked.
            return reject(record, "unreadable outbound record: " + LogMasking.message(LogMasking.forKey(endpoints, record.key()), e));
        }
        String problem = problem(message);
        if (problem != null) {
            return reject(record, problem);
        }
        Optional<Endpoint> endpoint = endpoints.byId(message.endpointId())
                .or(() -> endpoints.byPhoneNumberId(message.phoneNumberId()));
        if (endpoint.isEmpty()) {
            return reject(record, "unknown endpoint: id " + message.endpointId() + ", phone number id " + message.phoneNumberId());
        }
        String key = record.key() != null ? record.key() : message.conversationKey();
        Job job = new Job(record, message, endpoint.get(), revoked);
        return new Task<>(key, () -> run(key, job));
    }

    /** The job behind its recipient's pacing gate; its outcome is durable (ledger or dead letter) when the stage completes. */
    private CompletableFuture<Outcome<Void>> run(String key, Job job) {
        CompletableFuture<JobHandler.Handled> handled;
        try {
            handled = handler.handle(job, gates.of(key));
        } catch (RuntimeException e) {
            handled = CompletableFuture.failedFuture(e);
        }
        return handled.handle((done, failure) -> {
            if (failure != null) {
                Masking masking = LogMasking.of(job.endpoint());
                log.error("outbound {} for {}: outcome not recorded, its offset stays uncommitted", job.message().outboundId(),
                        masking.key(key), LogMasking.throwable(masking, failure));
                return Outcome.abandoned();
            }
            if (done.nextGate() != null) {
                gates.set(key, done.nextGate());
            }
            // Handed over: another instance owns the partition now; it sends the record, this offset is not ours to commit.
            return done.handedOver() ? Outcome.<Void>abandoned() : Outcome.<Void>finished(null);
        });
    }

    private static String problem(OutboundMessage message) {
        if (message.kind() == OutboundKind.MESSAGE) {
            if (message.recipient() == null || message.recipient().isBlank()) {
                return "outbound message has no recipient";
            }
            if (message.message() == null || !message.message().isObject() || !message.message().hasNonNull("type")) {
                return "outbound message has no message object with a type";
            }
        } else if (message.replyTo() == null || message.replyTo().isBlank()) {
            return "outbound " + message.kind().name().toLowerCase(Locale.ROOT) + " action has no replyTo message id";
        }
        return null;
    }

    private Task<Void> reject(ConsumerRecord<String, byte[]> record, String reason) {
        return new Task<>(null, () -> deadLetters.publish(record, reason, null, 0)
                .handle((ignored, failure) -> failure == null ? Outcome.<Void>finished(null) : Outcome.<Void>abandoned()));
    }
}
