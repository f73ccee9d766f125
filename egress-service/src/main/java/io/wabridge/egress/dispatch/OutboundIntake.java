package io.wabridge.egress.dispatch;

import io.wabridge.egress.deadletter.DeadLetters;
import io.wabridge.model.event.OutboundKind;
import io.wabridge.model.event.OutboundMessage;
import io.wabridge.support.endpoint.Endpoint;
import io.wabridge.support.endpoint.Endpoints;
import io.wabridge.support.kafka.EventCodec;
import io.wabridge.support.kafka.UnreadableEventException;
import io.wabridge.support.privacy.LogMasking;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The door between the poll loop and the lanes: reads the record, checks it can be sent at all,
 * and queues it in its recipient's lane. What cannot be sent goes straight to the dead-letter
 * topic, once, so a poison record never loops.
 */
final class OutboundIntake {

    private final EventCodec codec;
    private final Endpoints endpoints;
    private final DeadLetters deadLetters;
    private final Lanes lanes;

    OutboundIntake(EventCodec codec, Endpoints endpoints, DeadLetters deadLetters, Lanes lanes) {
        this.codec = codec;
        this.endpoints = endpoints;
        this.deadLetters = deadLetters;
        this.lanes = lanes;
    }

    void accept(ConsumerRecord<String, byte[]> record, BooleanSupplier revoked, Completion completion) {
        OutboundMessage message;
        try {
            message = codec.read(record, OutboundMessage.class);
        } catch (UnreadableEventException e) {
            // A parser's message may quote the record's text: only the exception class where logs are masked.
            reject(record, "unreadable outbound record: " + LogMasking.message(LogMasking.forKey(endpoints, record.key()), e),
                    completion);
            return;
        }
        String problem = problem(message);
        if (problem != null) {
            reject(record, problem, completion);
            return;
        }
        Optional<Endpoint> endpoint = endpoints.byId(message.endpointId())
                .or(() -> endpoints.byPhoneNumberId(message.phoneNumberId()));
        if (endpoint.isEmpty()) {
            reject(record, "unknown endpoint: id " + message.endpointId() + ", phone number id " + message.phoneNumberId(), completion);
            return;
        }
        String key = record.key() != null ? record.key() : message.conversationKey();
        lanes.submit(key, new Job(record, message, endpoint.get(), revoked), completion);
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
            return "outbound " + message.kind().name().toLowerCase(java.util.Locale.ROOT) + " action has no replyTo message id";
        }
        return null;
    }

    private void reject(ConsumerRecord<String, byte[]> record, String reason, Completion completion) {
        deadLetters.publish(record, reason, null, 0).whenComplete((ignored, failure) -> {
            if (failure == null) {
                completion.finished();
            } else {
                completion.abandoned();
            }
        });
    }
}
