package io.wabridge.ingress.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.wabridge.ingress.publish.DurablePublisher;
import io.wabridge.ingress.publish.PublishOutcome;
import io.wabridge.ingress.signature.SignatureVerifier;
import io.wabridge.model.Json;
import io.wabridge.model.event.InboundEvent;
import io.wabridge.model.event.QuarantineRecord;
import io.wabridge.model.event.StatusEvent;
import io.wabridge.model.privacy.Masking;
import io.wabridge.model.webhook.WebhookPayload;
import io.wabridge.support.endpoint.Endpoint;
import io.wabridge.support.endpoint.Endpoints;
import io.wabridge.support.kafka.EventCodec;
import io.wabridge.support.kafka.TopicSettings;
import io.wabridge.support.privacy.LogMasking;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Decides what happens to one webhook delivery: authenticate, parse, split, write durably.
 * Nothing is acknowledged (200) unless every record it produced was written; an authentic body
 * that cannot be used is written to quarantine instead of being refused, because Meta would
 * retry it for 7 days and no retry can fix it.
 */
@Service
class WebhookIntake {

    private static final Logger log = LoggerFactory.getLogger(WebhookIntake.class);
    private final Endpoints endpoints;
    private final DeliverySplitter splitter;
    private final DurablePublisher publisher;
    private final EventCodec codec;
    private final TopicSettings topics;
    private final Clock clock;

    WebhookIntake(Endpoints endpoints, DeliverySplitter splitter, DurablePublisher publisher, EventCodec codec,
            TopicSettings topics, Optional<Clock> clock) {
        this.endpoints = endpoints;
        this.splitter = splitter;
        this.publisher = publisher;
        this.codec = codec;
        this.topics = topics;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /**
     * @param pathEndpoint the endpoint named in the URL, or null when routing by phone number id
     */
    IntakeResult receive(Endpoint pathEndpoint, WebhookRequest request) {
        Instant receivedAt = clock.instant();
        if (pathEndpoint != null && !authentic(request, List.of(pathEndpoint))) {
            return IntakeResult.badSignature();
        }
        JsonNode root = parseWhatsAppPayload(request.body());
        if (root == null) {
            return quarantineWholeBody(pathEndpoint, request, receivedAt, "body is not a WhatsApp webhook payload (invalid JSON or no whatsapp_business_account entries)");
        }
        SplitDelivery split = splitter.split(root, pathEndpoint, receivedAt);
        if (pathEndpoint == null && split.onlyUnknownNumbers()) {
            return IntakeResult.unknownEndpoint("no endpoint is configured for phone_number_id " + String.join(", ", split.unknownPhoneNumberIds()));
        }
        if (!vouchedFor(request, split, pathEndpoint)) {
            return IntakeResult.badSignature();
        }
        List<ProducerRecord<String, byte[]>> records = split.items().stream()
                .map(item -> codec.record(item.destination().topic(topics), item.key(), item.event(), request.traceparent()))
                .toList();
        PublishOutcome outcome = publisher.publish(records);
        if (outcome.written() && log.isDebugEnabled()) {
            split.items().forEach(this::logWritten);
        }
        return outcome.written() ? IntakeResult.accepted(records.size()) : IntakeResult.notWritten(outcome.failure());
    }

    /** Per-item detail for debugging, masked by the endpoint's {@code data-protection.mask-logging}. */
    private void logWritten(DeliveryItem item) {
        if (item.event() instanceof InboundEvent event) {
            Masking masking = LogMasking.of(endpoints.byId(event.endpointId()));
            String text = event.message() == null ? null : event.message().path("text").path("body").asText(null);
            log.debug("Webhook message {} ({}) from {} for endpoint {} written: text {}", masking.messageId(event.messageId()),
                    event.messageType(), masking.key(event.conversationKey()), event.endpointId(), masking.text(text));
        } else if (item.event() instanceof StatusEvent status) {
            Masking masking = LogMasking.forKey(endpoints, item.key());
            log.debug("Webhook status {} of {} for {} written", status.status(), masking.messageId(status.messageId()),
                    masking.key(item.key()));
        }
    }

    private IntakeResult quarantineWholeBody(Endpoint pathEndpoint, WebhookRequest request, Instant receivedAt, String reason) {
        Endpoint owner = pathEndpoint;
        if (owner == null) {
            // Without a URL endpoint, only a signature made with a configured app secret shows the body is Meta's.
            owner = findSigner(request);
            if (owner == null) {
                return IntakeResult.unroutable(reason + ", and no endpoint's app secret signed it");
            }
        }
        QuarantineRecord record = new QuarantineRecord(QuarantineRecord.SCHEMA_VERSION, UUID.randomUUID().toString(),
                owner.id(), owner.phoneNumberId(), reason, receivedAt, request.headersToKeep(), request.body());
        PublishOutcome outcome = publisher.publish(List.of(codec.record(topics.quarantine(), owner.id(), record, request.traceparent())));
        return outcome.written() ? IntakeResult.quarantined(reason) : IntakeResult.notWritten(outcome.failure());
    }

    /**
     * Every endpoint that receives items must accept the signature (so app A's secret cannot
     * inject into endpoint B). Changes that name no number (account updates…) on the routed URL
     * need a signature from any configured app secret, if any endpoint has one.
     */
    private boolean vouchedFor(WebhookRequest request, SplitDelivery split, Endpoint pathEndpoint) {
        if (pathEndpoint != null || !split.endpoints().isEmpty()) {
            // The URL's endpoint was checked before parsing: one HMAC per secret is enough.
            return authentic(request, split.endpoints().stream().filter(endpoint -> !endpoint.equals(pathEndpoint)).toList());
        }
        return !anyRequiresSignature() || findSigner(request) != null;
    }

    /** True when every given endpoint that has an app secret finds the signature valid. */
    private static boolean authentic(WebhookRequest request, Collection<Endpoint> owners) {
        return owners.stream()
                .filter(endpoint -> endpoint.settings().requiresSignature())
                .allMatch(endpoint -> signedBy(request, endpoint));
    }

    private Endpoint findSigner(WebhookRequest request) {
        return endpoints.all().stream()
                .filter(endpoint -> endpoint.settings().requiresSignature())
                .filter(endpoint -> signedBy(request, endpoint))
                .findFirst()
                .orElse(null);
    }

    private boolean anyRequiresSignature() {
        return endpoints.all().stream().anyMatch(endpoint -> endpoint.settings().requiresSignature());
    }

    private static boolean signedBy(WebhookRequest request, Endpoint endpoint) {
        return SignatureVerifier.isValid(endpoint.settings().appSecret().reveal(), request.body(), request.signature());
    }

    private static JsonNode parseWhatsAppPayload(byte[] body) {
        try {
            JsonNode root = Json.mapper().readTree(body);
            boolean whatsApp = root != null && root.isObject()
                    && WebhookPayload.WHATSAPP_OBJECT.equals(root.path("object").asText())
                    && root.path("entry").isArray();
            return whatsApp ? root : null;
        } catch (IOException notJson) {
            return null;
        }
    }

    /** The parts of an HTTP request the intake needs. */
    record WebhookRequest(byte[] body, String signature, String traceparent, Map<String, String> headersToKeep) {
    }
}
