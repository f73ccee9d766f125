/**
 * Sending one outbound record: ledger check, pacing gate, budget and circuit of the number,
 * retries by Graph error class, and the durable outcome (ledger and status, or dead letter).
 */
package io.wabridge.egress.send;
