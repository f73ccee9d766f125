package io.wabridge.sandbox.graph;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wabridge.model.Json;
import io.wabridge.model.UserIds;
import io.wabridge.sandbox.SandboxSettings;
import io.wabridge.sandbox.webhook.IngressClient;
import io.wabridge.sandbox.webhook.Webhooks;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Plays the user's phone for an accepted message: it becomes {@code sent}, {@code delivered} and
 * {@code read} at the configured offsets, and each step is reported to ingress as a signed status
 * webhook. The phone's state changes on time whether or not ingress is up (as on a real phone);
 * the webhook is retried a few times, and the next status waits until the previous one has been
 * delivered or given up, so one message's statuses reach ingress in order. A planned
 * {@link Fault} with {@code failedStatus} replaces the sequence by one {@code failed} status.
 */
@Component
class StatusNotifier {

    private static final Logger log = LoggerFactory.getLogger(StatusNotifier.class);
    private static final Duration RETRY_BACKOFF = Duration.ofMillis(300);

    private final SandboxSettings settings;
    private final Outbox outbox;
    private final Webhooks webhooks;
    private final IngressClient ingress;
    private final ScheduledExecutorService scheduler;

    StatusNotifier(SandboxSettings settings, Outbox outbox, Webhooks webhooks, IngressClient ingress) {
        this.settings = settings;
        this.outbox = outbox;
        this.webhooks = webhooks;
        this.ingress = ingress;
        AtomicInteger threads = new AtomicInteger();
        // Two threads: webhooks block on HTTP, and one slow ingress call should not hold every other message's ticks.
        this.scheduler = Executors.newScheduledThreadPool(2, task -> {
            Thread thread = new Thread(task, "sandbox-status-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    private record Step(String status, Duration offset, Fault fault) {
        Step(String status, Duration offset) {
            this(status, offset, null);
        }
    }

    /** Starts the sent → delivered → read sequence of {@code message}. */
    void track(SentMessage message, String callbackData) {
        SandboxSettings.StatusDelays delays = settings.statusDelays();
        List<Step> steps = List.of(
                new Step("sent", delays.sent()),
                new Step("delivered", delays.delivered()),
                new Step("read", delays.read()));
        schedule(message, callbackData, steps, 0, message.acceptedAt());
    }

    /** Reports {@code message} as {@code failed} with the fault's error, at the {@code sent} offset. */
    void fail(SentMessage message, String callbackData, Fault fault) {
        List<Step> steps = List.of(new Step("failed", settings.statusDelays().sent(), fault));
        schedule(message, callbackData, steps, 0, message.acceptedAt());
    }

    private void schedule(SentMessage message, String callbackData, List<Step> steps, int index, Instant accepted) {
        if (index >= steps.size() || scheduler.isShutdown()) {
            return;
        }
        Step step = steps.get(index);
        long wait = Math.max(0, Duration.between(Instant.now(), accepted.plus(step.offset())).toMillis());
        scheduler.schedule(() -> {
            Instant at = Instant.now();
            outbox.reached(message, step.status(), at);
            ObjectNode status = status(message, step.status(), at, callbackData);
            if (step.fault() != null) {
                ObjectNode error = status.putArray("errors").addObject();
                error.put("code", step.fault().code());
                error.put("title", step.fault().message());
                error.put("message", step.fault().message());
                error.putObject("error_data").put("details", step.fault().error().details());
            }
            ObjectNode payload = webhooks.status(status);
            deliver(payload, message, step.status(), 1,
                    () -> schedule(message, callbackData, steps, index + 1, accepted));
        }, wait, TimeUnit.MILLISECONDS);
    }

    private void deliver(ObjectNode payload, SentMessage message, String status, int attempt, Runnable next) {
        try {
            IngressClient.Delivery delivery = ingress.deliver(payload);
            if (delivery.ok()) {
                log.debug("Status {} of {} delivered to ingress", status, message.id());
                next.run();
                return;
            }
            retryOrGiveUp(payload, message, status, attempt, next, "HTTP " + delivery.status(), null);
        } catch (IOException e) {
            // Ingress not (yet) running is normal on a laptop: the reason is enough, no stack trace.
            retryOrGiveUp(payload, message, status, attempt, next, e.toString(), null);
        } catch (RuntimeException e) {
            retryOrGiveUp(payload, message, status, attempt, next, e.toString(), e);
        }
    }

    private void retryOrGiveUp(ObjectNode payload, SentMessage message, String status, int attempt, Runnable next,
                               String reason, Exception cause) {
        if (attempt < settings.webhookAttempts() && !scheduler.isShutdown()) {
            log.warn("Status {} of {} not accepted by ingress ({}), attempt {} of {}; retrying",
                    status, message.id(), reason, attempt, settings.webhookAttempts());
            scheduler.schedule(() -> deliver(payload, message, status, attempt + 1, next),
                    RETRY_BACKOFF.toMillis() * attempt, TimeUnit.MILLISECONDS);
            return;
        }
        log.error("Status {} of {} given up after {} attempts ({})", status, message.id(), attempt, reason, cause);
        next.run();
    }

    private static ObjectNode status(SentMessage message, String status, Instant at, String callbackData) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("id", message.id());
        node.put("status", status);
        node.put("timestamp", Long.toString(at.getEpochSecond()));
        // Meta names a BSUID recipient only in recipient_user_id; recipient_id is a phone number's.
        node.put(UserIds.isBusinessScoped(message.to()) ? "recipient_user_id" : "recipient_id", message.to());
        if (callbackData != null) {
            node.put("biz_opaque_callback_data", callbackData);
        }
        return node;
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
    }
}
