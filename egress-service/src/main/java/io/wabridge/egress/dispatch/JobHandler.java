package io.wabridge.egress.dispatch;

import java.util.concurrent.CompletableFuture;

/** Does the work of one {@link Job} when its turn has come: the recipient's previous message is done. */
public interface JobHandler {

    /**
     * @param gate completes when the recipient may get its next message: the pacing left behind
     *             by the recipient's previous message (delay, or waiting for its delivery)
     * @return completes when the job's outcome is durable (sent and in the ledger, or
     *         dead-lettered), so its offset may be committed; completes exceptionally only when
     *         the outcome could not be recorded, which leaves the offset uncommitted
     */
    CompletableFuture<Handled> handle(Job job, CompletableFuture<Void> gate);

    /**
     * @param nextGate   what the recipient's next message must wait for; null keeps the current gate
     * @param handedOver the job was not sent because its partition was revoked: its offset must not
     *                   be committed here, the partition's new owner sends it
     */
    record Handled(CompletableFuture<Void> nextGate, boolean handedOver) {

        public Handled(CompletableFuture<Void> nextGate) {
            this(nextGate, false);
        }

        public static Handled keepGate() {
            return new Handled(null, false);
        }

        public static Handled leftToNewOwner() {
            return new Handled(null, true);
        }
    }
}
