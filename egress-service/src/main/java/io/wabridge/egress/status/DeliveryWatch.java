package io.wabridge.egress.status;

import io.wabridge.model.event.DeliveryStatus;
import io.wabridge.model.event.StatusEvent;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Connects Meta's status webhooks to the sends waiting for them ({@code delivered} ordering).
 * A status finds its send by {@code biz_opaque_callback_data}, which egress sets to the outbound
 * id, or else by wamid. Only sends someone waits for are tracked, so memory stays bounded by
 * the number of recipients with a message in flight.
 */
public class DeliveryWatch {

    private final Map<String, Expectation> byOutboundId = new ConcurrentHashMap<>();
    private final Map<String, String> outboundIdByWamid = new ConcurrentHashMap<>();

    /**
     * Registers interest before the send, so a status that overtakes Graph's answer is not
     * missed. The future completes with the status that shows the phone has the message (or
     * that it failed); the caller bounds it with a timeout, which also ends the tracking.
     */
    public CompletableFuture<DeliveryStatus> expect(String outboundId) {
        Expectation expectation = new Expectation(new CompletableFuture<>());
        byOutboundId.put(outboundId, expectation);
        expectation.reached.whenComplete((status, failure) -> {
            byOutboundId.remove(outboundId, expectation);
            String wamid = expectation.wamid;
            if (wamid != null) {
                outboundIdByWamid.remove(wamid, outboundId);
            }
        });
        return expectation.reached;
    }

    /** The wamid Graph gave, for statuses that carry no callback data. */
    public void accepted(String outboundId, String wamid) {
        Expectation expectation = byOutboundId.get(outboundId);
        if (expectation != null && wamid != null) {
            expectation.wamid = wamid;
            outboundIdByWamid.put(wamid, outboundId);
            if (expectation.reached.isDone()) {
                outboundIdByWamid.remove(wamid, outboundId);
            }
        }
    }

    /** Stops waiting, e.g. because the send failed and no status will come. */
    public void forget(String outboundId) {
        Expectation expectation = byOutboundId.get(outboundId);
        if (expectation != null) {
            expectation.reached.complete(DeliveryStatus.FAILED);
        }
    }

    void onStatus(StatusEvent status) {
        if (!status.status().reachedPhone() && status.status() != DeliveryStatus.FAILED) {
            return;
        }
        String outboundId = status.callbackData() != null ? status.callbackData() : status.outboundId();
        if (outboundId == null && status.messageId() != null) {
            outboundId = outboundIdByWamid.get(status.messageId());
        }
        Expectation expectation = outboundId == null ? null : byOutboundId.get(outboundId);
        if (expectation != null) {
            expectation.reached.complete(status.status());
        }
    }

    int tracked() {
        return byOutboundId.size();
    }

    private static final class Expectation {
        final CompletableFuture<DeliveryStatus> reached;
        volatile String wamid;

        Expectation(CompletableFuture<DeliveryStatus> reached) {
            this.reached = reached;
        }
    }
}
