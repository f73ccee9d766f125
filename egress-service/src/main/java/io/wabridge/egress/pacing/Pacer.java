package io.wabridge.egress.pacing;

import io.wabridge.egress.status.DeliveryWatch;
import io.wabridge.model.event.DeliveryStatus;
import io.wabridge.model.event.OutboundMessage;
import io.wabridge.model.settings.EndpointSettings;
import io.wabridge.model.settings.EndpointSettings.OrderingMode;
import io.wabridge.support.endpoint.Endpoint;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When a recipient may get its next message, per endpoint
 * ({@code wabridge.endpoints.<id>.message-delay} and {@code .delivery.*}):
 * <ul>
 *   <li>{@code accepted}: the message delay after Graph accepted the previous message;</li>
 *   <li>{@code delivered}: the message delay after the previous message's {@code delivered},
 *       {@code read} or {@code failed} status arrived, or after {@code delivered-timeout} if
 *       none did. Meta only guarantees order this way.</li>
 * </ul>
 * The gate is a future: waiting recipients hold no thread.
 */
public class Pacer {

    private static final Logger log = LoggerFactory.getLogger(Pacer.class);

    private final DeliveryWatch watch;
    private final ScheduledExecutorService scheduler;

    public Pacer(DeliveryWatch watch, ScheduledExecutorService scheduler) {
        this.watch = watch;
        this.scheduler = scheduler;
    }

    /** Called before a message is sent: in {@code delivered} mode its status is watched for from now on. */
    public Turn prepare(Endpoint endpoint, OutboundMessage message) {
        EndpointSettings settings = endpoint.settings();
        boolean delivered = settings.delivery().ordering() == OrderingMode.DELIVERED;
        return new Turn(settings, message.outboundId(), delivered ? watch.expect(message.outboundId()) : null);
    }

    /** A future that completes after {@code delay}. */
    public CompletableFuture<Void> after(Duration delay) {
        if (delay.isZero() || delay.isNegative()) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> elapsed = new CompletableFuture<>();
        scheduler.schedule(() -> elapsed.complete(null), delay.toNanos(), TimeUnit.NANOSECONDS);
        return elapsed;
    }

    /** The pacing of one message: what its recipient's next message waits for. */
    public final class Turn {

        private final EndpointSettings settings;
        private final String outboundId;
        private final CompletableFuture<DeliveryStatus> reached;

        private Turn(EndpointSettings settings, String outboundId, CompletableFuture<DeliveryStatus> reached) {
            this.settings = settings;
            this.outboundId = outboundId;
            this.reached = reached;
        }

        /** Graph accepted the message: the gate for the next one. */
        public CompletableFuture<Void> accepted(String wamid) {
            if (reached == null) {
                return after(settings.messageDelay());
            }
            watch.accepted(outboundId, wamid);
            Duration timeout = settings.delivery().deliveredTimeout();
            ScheduledFuture<?> timer = scheduler.schedule(() -> {
                if (reached.complete(null)) {
                    log.debug("no delivered status for {} within {}: releasing the next message", outboundId, timeout);
                }
            }, timeout.toNanos(), TimeUnit.NANOSECONDS);
            reached.whenComplete((status, failure) -> timer.cancel(false));
            return reached.thenCompose(status -> after(settings.messageDelay()));
        }

        /** The message was not sent: nothing to wait for. */
        public void failed() {
            if (reached != null) {
                watch.forget(outboundId);
            }
        }
    }
}
