/**
 * Durable writes: a delivery's records are sent with {@code acks=all} and an idempotent producer,
 * and the outcome is known (all acknowledged, or not) within a bounded time.
 */
package io.wabridge.ingress.publish;
