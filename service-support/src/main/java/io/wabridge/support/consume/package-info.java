/**
 * The one consumption engine of wabridge's services: key-ordered consumption of a topic
 * ({@link io.wabridge.support.consume.KeyOrderedSession}) and the loop that runs a consumer's
 * sessions with one restart policy, health and meters
 * ({@link io.wabridge.support.consume.ConsumerLoop}).
 *
 * <h2>What it guarantees</h2>
 * <ul>
 *   <li><b>Per-key FIFO within an instance.</b> Records of one key ({@link io.wabridge.support.consume.Task#key()})
 *       run one after another in the order they were polled; a key's next record starts only when
 *       the previous one is <em>done</em>: finished with {@link io.wabridge.support.consume.OffsetCommits},
 *       committed with {@link io.wabridge.support.consume.TransactionalCommits}. Keys never wait
 *       for each other, whatever partition they share.</li>
 *   <li><b>Nothing skipped.</b> A partition's offset is committed only up to its lowest record
 *       that is not finished, so a crash, a restart or a rebalance never loses an unfinished
 *       record; an abandoned record holds the commit until the partition is consumed again.</li>
 *   <li><b>Atomic outcome (transactional style).</b> The records a finished result writes and the
 *       offsets it advances are committed in one producer transaction, or not at all.</li>
 *   <li><b>Bounded memory.</b> At {@code max-in-flight} records polled and not done, every
 *       partition pauses; polling goes on so the group membership stays alive; it resumes at half.</li>
 *   <li><b>One revocation protocol</b> (also on stop): start nothing more on the revoked
 *       partitions (their queued records are dropped, the new owner consumes them from the
 *       committed offset), give their running work {@code revoke-grace} to finish, commit what
 *       finished, then hand the partitions over. Lost partitions are forgotten without a commit.</li>
 *   <li><b>One failure policy.</b> An unexpected failure ends the session; the loop reopens the
 *       clients from the committed offsets after a back-off of 1 s doubling to 30 s.</li>
 * </ul>
 *
 * <h2>What it does not guarantee</h2>
 * <ul>
 *   <li>Exactly-once side effects outside Kafka: work still running when the grace runs out, when
 *       a session fails, or when the instance dies, is done again by whoever consumes its record
 *       next. Idempotence is the work's job (the processor's conversation state remembers handled
 *       messages; egress's send ledger remembers sends).</li>
 *   <li>That a record's output is written once (transactional style). A record that finished
 *       beyond its partition's lowest unfinished offset has its output committed before its
 *       offset is; after a handover or restart it is consumed and run again. The work must
 *       recognise such replays: the processor's conversation state, written in the same
 *       transaction, keeps each conversation's last handled offset and skips them.</li>
 *   <li>Order across instances during that window: the old owner's late work may overlap the new
 *       owner's first record of the key.</li>
 *   <li>Order across keys, or of records whose key is null (they run at once).</li>
 * </ul>
 *
 * <h2>Why not a library</h2>
 * <ul>
 *   <li><b>spring-kafka listener containers</b> order and parallelise per partition, not per key.
 *       With {@code asyncAcks} the container defers out-of-order commits but pauses the consumer
 *       until every record of the previous poll is acknowledged, so one recipient in a long
 *       back-off or pacing wait (egress) stalls every other key; and a container transaction
 *       spans one listener call, not a batch of turns that finished on other threads (processor).</li>
 *   <li><b>Confluent's parallel-consumer</b> ({@code parallel-consumer-core}, Apache 2.0, KEY
 *       ordering, a transactional commit mode) was the closest fit and was rejected because:
 *       (1) in its transactional mode a key's next record may start as soon as the previous
 *       one's function returned, before the transaction commits, and it has no after-commit hook,
 *       while the processor's next turn must read the conversation state the previous turn
 *       committed, and the in-memory state may change only after the commit; (2) it owns the
 *       producer and its transactions, while the processor also writes its own transactions
 *       (tombstones of forgotten conversations) and restores its state store from the changelog
 *       before a newly assigned partition is consumed; (3) its user functions are blocking calls
 *       on its worker pool (asynchronous only through its Vert.x / Reactor modules, more
 *       dependencies), while egress's sends are futures that wait seconds for pacing and
 *       delivery; (4) on revocation it does not wait for running work, while egress must let a
 *       running Graph call reach the send ledger before the partition moves, or the new owner
 *       sends it again; (5) it is built against an older kafka-clients 3.x than Boot 3.5's 3.9
 *       (API-compatible, but one more version pairing to keep). What it would save is about the
 *       size of this package.</li>
 * </ul>
 */
package io.wabridge.support.consume;
