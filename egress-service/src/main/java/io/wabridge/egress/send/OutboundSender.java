package io.wabridge.egress.send;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.wabridge.egress.deadletter.DeadLetters;
import io.wabridge.egress.dispatch.Job;
import io.wabridge.egress.dispatch.JobHandler;
import io.wabridge.egress.graph.ErrorClass;
import io.wabridge.egress.graph.GraphClient;
import io.wabridge.egress.graph.GraphResult;
import io.wabridge.egress.ledger.SendLedger;
import io.wabridge.egress.pacing.Pacer;
import io.wabridge.egress.status.AcceptanceProof;
import io.wabridge.egress.status.StatusPublisher;
import io.wabridge.egress.throttle.NumberThrottle;
import io.wabridge.egress.throttle.NumberThrottles;
import io.wabridge.model.EventHeaders;
import io.wabridge.model.event.OutboundKind;
import io.wabridge.model.event.OutboundMessage;
import io.wabridge.model.event.StatusEvent;
import io.wabridge.model.privacy.Masking;
import io.wabridge.model.state.LedgerEntry;
import io.wabridge.support.kafka.EventCodec;
import io.wabridge.support.observe.RecordTracing;
import io.wabridge.support.privacy.LogMasking;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one outbound record when its turn comes: skip it if the ledger has it; if the ledger has
 * only its intent (a crash interrupted its send), send it only if no status proves Graph accepted
 * it ({@link IntentRecovery}); write the intent, wait for the pacing gate, then attempt with the number's budget and circuit, retrying by error class
 * (resilience4j {@link Retry}), and record the outcome: accepted → ledger + status; failed →
 * dead letter + status. Mark-read and typing actions skip the pacing gate and leave it as it is.
 */
public class OutboundSender implements JobHandler {

    private static final Logger log = LoggerFactory.getLogger(OutboundSender.class);

    private final GraphClient graph;
    private final NumberThrottles throttles;
    private final Pacer pacer;
    private final SendLedger ledger;
    private final StatusPublisher statuses;
    private final DeadLetters deadLetters;
    private final TypingIndicator typing;
    private final IntentRecovery recovery;
    private final Retry retry;
    private final int maxAttempts;
    private final ScheduledExecutorService scheduler;
    private final Executor worker;
    private final MeterRegistry meters;
    private final RecordTracing tracing;

    public OutboundSender(GraphClient graph, NumberThrottles throttles, Pacer pacer, SendLedger ledger, StatusPublisher statuses,
                          DeadLetters deadLetters, RetrySettings retrySettings, AcceptanceProof acceptanceProof, Duration intentWait,
                          ScheduledExecutorService scheduler, Executor worker, MeterRegistry meters, RecordTracing tracing) {
        this.tracing = tracing;
        this.graph = graph;
        this.throttles = throttles;
        this.pacer = pacer;
        this.ledger = ledger;
        this.statuses = statuses;
        this.deadLetters = deadLetters;
        this.typing = new TypingIndicator(graph, throttles);
        this.recovery = new IntentRecovery(acceptanceProof, intentWait);
        this.maxAttempts = retrySettings.maxAttempts();
        this.scheduler = scheduler;
        this.worker = worker;
        this.meters = meters;
        this.retry = Retry.of("graph-send", RetryConfig.<GraphResult>custom()
                .maxAttempts(retrySettings.maxAttempts())
                .retryOnResult(GraphResult::isRetryable)
                .failAfterMaxAttempts(false)
                .intervalBiFunction(new Backoffs(retrySettings))
                .build());
        this.retry.getEventPublisher().onRetry(event -> meters.counter("wabridge.egress.retries").increment());
    }

    /**
     * The handling of one record as a span ({@code egress send}, continuing the record's trace)
     * and the timer {@code wabridge.egress.send.duration}: pacing wait, attempts and the outcome's
     * writes. Each Graph attempt is a child span whose context the request's {@code traceparent} carries.
     */
    @Override
    public CompletableFuture<Handled> handle(Job job, CompletableFuture<Void> gate) {
        Observation send = tracing.consumed("wabridge.egress.send.duration", "egress send", job.record())
                .lowCardinalityKeyValue("endpoint", job.endpoint().id())
                .lowCardinalityKeyValue("kind", job.message().kind().name().toLowerCase(Locale.ROOT))
                .start();
        CompletableFuture<Handled> handled;
        try {
            handled = handleTraced(job, gate, send);
        } catch (RuntimeException e) {
            send.error(e);
            send.stop();
            throw e;
        }
        handled.whenComplete((ignored, failure) -> {
            if (failure != null) {
                send.error(failure);
            }
            send.stop();
        });
        return handled;
    }

    private CompletableFuture<Handled> handleTraced(Job job, CompletableFuture<Void> gate, Observation send) {
        OutboundMessage message = job.message();
        if (!job.forced() && ledger.contains(message.outboundId())) {
            log.info("outbound {} is already in the send ledger: not sending it again", message.outboundId());
            count("duplicate");
            return CompletableFuture.completedFuture(Handled.keepGate());
        }
        if (message.kind() != OutboundKind.MESSAGE) {
            return sendWithRetries(job, send).thenComposeAsync(result -> record(job, result, null), worker);
        }
        if (!gate.isDone() && job.endpoint().settings().delivery().typingIndicator()) {
            typing.show(job);
        }
        Pacer.Turn turn = pacer.prepare(job.endpoint(), message);
        long queued = System.nanoTime();
        // Only a message send gets an intent: a mark-read or typing action done twice is harmless.
        Instant intentAt = job.forced() ? null : ledger.intentOf(message.outboundId());
        return recovery.alreadyAccepted(message.outboundId(), intentAt).thenCompose(proof -> {
            if (proof.isPresent()) {
                return recovered(job, proof.get(), turn);
            }
            // The intent write overlaps the pacing wait; the call waits for both. Async: the intent completes on the
            // producer's network thread, which built and sent the Graph request itself before (4 % of egress's samples
            // in run P's recording, docs/benchmarks.md), holding up every other write's acknowledgement meanwhile.
            CompletableFuture<Void> intent = ledger.record(LedgerEntry.intent(message.outboundId(), job.endpoint().phoneNumberId(),
                    message.conversationKey()));
            return CompletableFuture.allOf(gate, intent).thenComposeAsync(ignored -> {
                        pacingWait(job).record(System.nanoTime() - queued, TimeUnit.NANOSECONDS);
                        return sendWithRetries(job, send);
                    }, worker)
                    .thenComposeAsync(result -> record(job, result, turn), worker);
        });
    }

    /** Graph accepted it before a crash, a status proves it: record it as sent, without sending it again. */
    private CompletableFuture<Handled> recovered(Job job, StatusEvent proof, Pacer.Turn turn) {
        log.warn("outbound {} was interrupted by a crash after Graph accepted it ({} status {}): recording it as sent, not sending "
                + "it again", job.message().outboundId(), proof.source().name().toLowerCase(Locale.ROOT),
                proof.status().name().toLowerCase(Locale.ROOT));
        count("recovered");
        return recordAccepted(job, proof.messageId(), turn);
    }

    /** How long a message waited for its gate: the previous message's outcome plus the pacing delay. */
    private Timer pacingWait(Job job) {
        return Timer.builder("wabridge.egress.pacing.wait")
                .description("Time a message waited for its gate (previous message of the conversation, message delay)")
                .tag("endpoint", job.endpoint().id())
                .publishPercentileHistogram()
                .register(meters);
    }

    private CompletableFuture<GraphResult> sendWithRetries(Job job, Observation send) {
        return retry.executeCompletionStage(scheduler, () -> attempt(job, send)).toCompletableFuture();
    }

    private CompletableFuture<GraphResult> attempt(Job job, Observation send) {
        if (job.isRevoked()) {
            return CompletableFuture.completedFuture(GraphResult.notSent(ErrorClass.CANCELLED, "partition revoked"));
        }
        NumberThrottle throttle = throttles.of(job.endpoint());
        if (!throttle.tryEnter()) {
            return CompletableFuture.completedFuture(GraphResult.notSent(ErrorClass.CIRCUIT_OPEN,
                    "phone number " + job.endpoint().phoneNumberId() + " is blocked after a token or account error (circuit open)"));
        }
        return throttle.acquire().thenCompose(ignored -> {
            if (job.isRevoked()) {
                GraphResult cancelled = GraphResult.notSent(ErrorClass.CANCELLED, "partition revoked");
                throttle.onResult(cancelled, 0);
                return CompletableFuture.completedFuture(cancelled);
            }
            long started = System.nanoTime();
            Observation call = tracing.child("wabridge.egress.graph.calls", "graph send", send)
                    .lowCardinalityKeyValue("endpoint", job.endpoint().id())
                    .start();
            String traceparent = tracing.traceparentOf(call, job.traceparent());
            return graph.send(job.endpoint(), job.message(), traceparent).thenApply(result -> {
                throttle.onResult(result, System.nanoTime() - started);
                String outcome = result.isAccepted() ? "accepted" : result.errorClass().name().toLowerCase(Locale.ROOT);
                call.lowCardinalityKeyValue("result", outcome)
                        .lowCardinalityKeyValue("code", result.error() != null ? Integer.toString(result.error().code()) : "none")
                        .lowCardinalityKeyValue("http_status", result.httpStatus() > 0 ? Integer.toString(result.httpStatus()) : "none")
                        .stop();
                logAttempt(job, result);
                return result;
            });
        });
    }

    private CompletableFuture<Handled> record(Job job, GraphResult result, Pacer.Turn turn) {
        OutboundMessage message = job.message();
        if (result.isAccepted()) {
            if (log.isDebugEnabled()) {
                Masking masking = LogMasking.of(job.endpoint());
                log.debug("outbound {} to {} accepted as {}", message.outboundId(), masking.key(message.conversationKey()),
                        masking.messageId(result.wamid()));
            }
            count("accepted");
            recordEndToEnd(job);
            return recordAccepted(job, result.wamid(), turn);
        }
        if (turn != null) {
            turn.failed();
        }
        if (result.errorClass() == ErrorClass.CANCELLED) {
            return CompletableFuture.completedFuture(Handled.leftToNewOwner()); // the partition's new owner sends it
        }
        count("dead_lettered");
        String reason = result.isRetryable() ? "gave up after " + maxAttempts + " attempts: " + result.reason() : result.reason();
        return CompletableFuture.allOf(
                        deadLetters.publish(job.record(), reason, result.error(), result.httpStatus()),
                        statuses.failed(message, result.error(), reason, job.traceparent()))
                .thenApply(ignored -> Handled.keepGate());
    }

    private CompletableFuture<Handled> recordAccepted(Job job, String wamid, Pacer.Turn turn) {
        OutboundMessage message = job.message();
        CompletableFuture<Void> ledgerWrite = ledger.record(LedgerEntry.of(message.outboundId(), wamid,
                job.endpoint().phoneNumberId(), message.conversationKey(), Instant.now()));
        if (turn == null) {
            return ledgerWrite.thenApply(ignored -> Handled.keepGate());
        }
        CompletableFuture<Void> nextGate = turn.accepted(wamid);
        return CompletableFuture.allOf(ledgerWrite, statuses.accepted(message, wamid, job.traceparent()))
                .thenApply(ignored -> new Handled(nextGate));
    }

    /**
     * Webhook arrival at ingress to Graph's accept, for replies that carry the arrival time
     * (header {@code ingress-received-at}, set by the processor).
     */
    private void recordEndToEnd(Job job) {
        String receivedAt = EventCodec.header(job.record().headers(), EventHeaders.INGRESS_RECEIVED_AT);
        if (receivedAt == null || job.message().kind() != OutboundKind.MESSAGE) {
            return;
        }
        try {
            Duration latency = Duration.between(Instant.parse(receivedAt), Instant.now());
            Timer.builder("wabridge.egress.end.to.end")
                    .description("From the webhook's arrival at ingress to Graph's accept of a reply")
                    .tag("endpoint", job.endpoint().id())
                    .publishPercentileHistogram()
                    .register(meters)
                    .record(latency.isNegative() ? Duration.ZERO : latency);
        } catch (DateTimeParseException e) {
            log.debug("outbound {} has an unreadable {} header: {}", job.message().outboundId(), EventHeaders.INGRESS_RECEIVED_AT,
                    receivedAt);
        }
    }

    private void count(String outcome) {
        meters.counter("wabridge.egress.sends", "outcome", outcome).increment();
    }

    private static void logAttempt(Job job, GraphResult result) {
        if (result.errorClass() == ErrorClass.SPAM_LIMITED) {
            log.error("phone number {} hit the spam rate limit (131048) sending {}: backing off; check the number's quality",
                    job.endpoint().phoneNumberId(), job.message().outboundId());
        } else if (result.isRetryable()) {
            Masking masking = LogMasking.of(job.endpoint());
            String key = job.message().conversationKey();
            log.info("outbound {} to {}: {} ({}), will retry", job.message().outboundId(), masking.key(key),
                    result.errorClass(), LogMasking.scrubUser(masking, result.reason(), key));
        }
    }
}
