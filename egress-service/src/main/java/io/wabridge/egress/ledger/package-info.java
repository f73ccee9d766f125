/**
 * The send ledger: a compacted topic of accepted sends keyed by outbound id, mirrored in memory,
 * so a redelivered, rebalanced or replayed outbound record is never sent twice.
 */
package io.wabridge.egress.ledger;
