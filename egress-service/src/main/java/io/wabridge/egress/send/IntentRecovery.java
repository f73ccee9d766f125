package io.wabridge.egress.send;

import io.wabridge.egress.status.AcceptanceProof;
import io.wabridge.model.event.StatusEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Decides whether a message whose send a crash may have interrupted is sent again. Without an
 * intent in the ledger it was never attempted: send. With one, Graph may have accepted it before
 * the crash: look for a status proving so until {@code intent-wait} after the intent, and send
 * only if none comes.
 */
final class IntentRecovery {

    private final AcceptanceProof proof;
    private final Duration wait;

    IntentRecovery(AcceptanceProof proof, Duration wait) {
        this.proof = proof;
        this.wait = wait;
    }

    /**
     * @param intentAt when the pending intent was written, null when there is none
     * @return the status proving Graph accepted the message (do not send), or empty (send)
     */
    CompletableFuture<Optional<StatusEvent>> alreadyAccepted(String outboundId, Instant intentAt) {
        if (intentAt == null) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return proof.find(outboundId, intentAt, intentAt.plus(wait));
    }
}
