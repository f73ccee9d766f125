/**
 * The Cognigy.AI REST Endpoint client: one POST per user input, {@code outputStack} back.
 * Bounded retries with backoff and a circuit breaker per endpoint (resilience4j); failures are
 * classified so that the pipeline can answer the user with a fallback and dead-letter the input.
 */
package io.wabridge.processor.cognigy;
