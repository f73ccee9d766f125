/**
 * Pacing between consecutive messages to one recipient: the message delay, and the
 * {@code accepted} or {@code delivered} ordering mode of the endpoint.
 */
package io.wabridge.egress.pacing;
