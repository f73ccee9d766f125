package io.wabridge.egress.status;

import io.wabridge.model.event.StatusEvent;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Looks for a status that proves Graph accepted a send: Meta's webhook with its callback data, or egress's own {@code accepted}. */
public interface AcceptanceProof {

    /**
     * @param since    statuses older than this (less a margin for clock skew) are not looked at
     * @param deadline statuses that reach the topic later are not waited for
     * @return the status, or empty when none came by the deadline
     */
    CompletableFuture<Optional<StatusEvent>> find(String outboundId, Instant since, Instant deadline);
}
